package org.quire.web.editorial;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.content.Post;
import org.quire.web.content.PostStatus;

/**
 * What the current user may do with one post. The admin API enforces these rules and the admin pages ask the same
 * questions to offer only the buttons that will work.
 */
@RequestScoped
public class PostRights {

    @Inject
    CurrentUser currentUser;

    public boolean isAuthor(Post post) {
        Long me = currentUser.account().id;
        return post.authors.stream().anyMatch(a -> a.id.equals(me));
    }

    /** Editors see every post; everyone else the posts they are an author of. */
    public boolean maySee(Post post) {
        return currentUser.may(Permission.EDIT_ANY_POST) || isAuthor(post);
    }

    public boolean mayPublish(Post post) {
        return currentUser.may(Permission.EDIT_ANY_POST)
                || (currentUser.may(Permission.PUBLISH_OWN_POSTS) && isAuthor(post));
    }

    public boolean mayReview() {
        return currentUser.may(Permission.EDIT_ANY_POST);
    }

    /**
     * Why I may not change the post now, or empty when I may: editors change any post; authors their own;
     * contributors their own while it is not on the site; in review, only reviewers change it, so what a reviewer
     * approves is what was submitted.
     */
    public Optional<String> whyNotEditable(Post post) {
        boolean onTheSite = post.status == PostStatus.PUBLISHED || post.status == PostStatus.SCHEDULED;
        if (onTheSite && !mayPublish(post)) {
            return Optional.of("This post is " + post.status.name().toLowerCase(Locale.ROOT) + "; only someone who"
                    + " may publish it may change it. Ask an editor, or have it unpublished first.");
        }
        if (post.status == PostStatus.IN_REVIEW && !mayReview()) {
            return Optional.of("This post is in review; it can be changed again once a reviewer sends it back.");
        }
        return Optional.empty();
    }

    /** Submitting is for writers of a draft; reviewers publish directly. */
    public boolean maySubmit(Post post) {
        return (post.status == PostStatus.DRAFT || post.status == PostStatus.UNPUBLISHED)
                && whyNotEditable(post).isEmpty();
    }
}
