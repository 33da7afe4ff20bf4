package org.quire.web.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.Post;
import org.quire.web.content.PostEvent;
import org.quire.web.content.PostStatus;
import org.quire.web.editorial.PostsApi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The first admin page: my drafts, what waits for review, what is scheduled, what happened lately on the posts I
 * may see, and how much the site published per month by author.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminDashboard {

    private static final int SHORT_LIST = 8;

    @Inject
    PostsApi api;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminChrome chrome;

    @Inject
    Clock clock;

    @Location("admin/dashboard.html")
    Template page;

    public record Item(long id, String title, String detail) {
    }

    public record Activity(long postId, String title, String what, String by, String at, String comment) {
    }

    @GET
    @Path("/")
    @Requires(Permission.ADMIN_AREA)
    public String dashboard() {
        String me = currentUser.account().handle;
        boolean writes = currentUser.may(Permission.WRITE_OWN_POSTS);
        List<Item> drafts = writes ? api.list("draft", me, null, null, false, 1, SHORT_LIST).posts().stream()
                .map(p -> new Item(p.id(), p.title(), chrome.time(p.updatedAt()))).toList() : List.of();
        List<Item> review = writes ? api.list("in_review", null, null, null, false, 1, SHORT_LIST).posts().stream()
                .map(p -> new Item(p.id(), p.title(), String.join(", ", p.authors()))).toList() : List.of();
        List<Item> scheduled = writes ? api.list("scheduled", null, null, null, false, 1, SHORT_LIST).posts()
                .stream().map(p -> new Item(p.id(), p.title(), chrome.time(p.publishedAt()))).toList()
                : List.of();
        Instant now = clock.instant();
        return chrome.page(page, "dashboard").data("drafts", drafts).data("review", review)
                .data("scheduled", scheduled).data("activity", activity()).data("chart", chart(now)).render();
    }

    /** The latest workflow steps on posts I may see: every post for editors, my own for everyone else. */
    private List<Activity> activity() {
        boolean everything = currentUser.may(Permission.EDIT_ANY_POST);
        Long me = currentUser.account().id;
        return QuarkusTransaction.joiningExisting().call(() -> {
            String query = everything ? "from PostEvent e where e.post.deletedAt is null order by e.createdAt desc, e.id desc"
                    : "select e from PostEvent e where e.post.deletedAt is null and exists (select 1 from Post p"
                    + " join p.authors a where p = e.post and a.id = ?1) order by e.createdAt desc, e.id desc";
            var events = everything ? PostEvent.<PostEvent>find(query) : PostEvent.<PostEvent>find(query, me);
            return events.page(0, 10).list().stream().map(e -> new Activity(e.post.id, e.post.title,
                    e.kind.name().toLowerCase(Locale.ROOT),
                    e.account == null ? "Quire" : e.account.displayName, chrome.time(e.createdAt), e.comment))
                    .toList();
        });
    }

    private PublishingChart chart(Instant now) {
        Instant since = PublishingChart.since(now, chrome.zone());
        List<PublishingChart.Publication> published = QuarkusTransaction.joiningExisting().call(() ->
                Post.getEntityManager().createQuery("select p.publishedAt, a.id, coalesce(a.displayName, a.handle) from Post p"
                                + " join p.authors a"
                                + " where p.status = :published and p.deletedAt is null and p.publishedAt >= :since",
                        Object[].class).setParameter("published", PostStatus.PUBLISHED).setParameter("since", since)
                        .getResultList().stream().map(row -> new PublishingChart.Publication((Instant) row[0],
                                ((Number) row[1]).longValue(), (String) row[2])).toList());
        return PublishingChart.of(published, now, chrome.zone(), chrome.locale());
    }
}
