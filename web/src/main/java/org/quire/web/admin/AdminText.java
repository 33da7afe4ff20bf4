package org.quire.web.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words, in English here and in Chinese in {@code messages/adm_zh.properties}; templates use
 * {@code {adm:key}}, and the request's language (Accept-Language) picks the file. Error messages from the API
 * stay in English, the language of the logs.
 */
@MessageBundle(value = "adm", locale = "en")
public interface AdminText {

    // ---- layout and shared
    @Message("Quire admin") String admin();
    @Message("Skip to content") String skip();
    @Message("Admin sections") String sections();
    @Message("Dashboard") String dashboard();
    @Message("Posts") String posts();
    @Message("Review") String review();
    @Message("waiting") String waiting();
    @Message("Tags") String tags();
    @Message("Users") String users();
    @Message("Settings") String settings();
    @Message("New post") String newPost();
    @Message("Sign out") String signOut();
    @Message("Save") String save();
    @Message("Shown once") String shownOnce();
    @Message("{#when status}{#is 'draft'}draft{#is 'in_review'}in review{#is 'scheduled'}scheduled{#is 'published'}published{#is 'unpublished'}unpublished{#is 'new'}new{#else}{status}{/when}")
    String status(String status);
    @Message("{#when kind}{#is 'submitted'}submitted{#is 'sent_back'}sent back{#is 'approved'}approved{#is 'scheduled'}scheduled{#is 'published'}published{#is 'unpublished'}unpublished{#is 'deleted'}moved to the bin{#is 'restored'}restored{#else}{kind}{/when}")
    String event(String kind);
    @Message("{#when role}{#is 'administrator'}administrator{#is 'editor'}editor{#is 'author'}author{#is 'contributor'}contributor{#else}{role}{/when}")
    String role(String role);

    // ---- sign-in
    @Message("Sign in") String signIn();
    @Message("Name or e-mail") String login();
    @Message("Password") String password();
    @Message("Choose a password") String choosePassword();
    @Message("For {handle}. At least {minimum} characters.") String passwordFor(String handle, int minimum);
    @Message("New password") String newPassword();
    @Message("Save and sign in") String saveAndSignIn();

    // ---- dashboard
    @Message("Hello, {name}") String hello(String name);
    @Message("My drafts") String myDrafts();
    @Message("No drafts.") String noDrafts();
    @Message("Start a post") String startPost();
    @Message("All my drafts") String allMyDrafts();
    @Message("Awaiting review") String awaitingReview();
    @Message("My posts in review") String myPostsInReview();
    @Message("Nothing is waiting for review.") String nothingInReview();
    @Message("Scheduled") String scheduled();
    @Message("Nothing is scheduled.") String nothingScheduled();
    @Message("edited {time}") String edited(String time);
    @Message("by {names}") String by(String names);
    @Message("for {time}") String scheduledFor(String time);
    @Message("Recent activity") String recentActivity();
    @Message("Nothing has happened yet.") String nothingYet();
    @Message("{title}: {what} by {who}") String activity(String title, String what, String who);
    @Message("Posts published per month, by author") String chartTitle();
    @Message("{total} posts published in the last twelve months; the table below has the figures.") String chartSummary(int total);
    @Message("No post was published in the last twelve months.") String chartEmpty();
    @Message("The figures as a table") String chartTable();
    @Message("Month") String month();
    @Message("All") String all();
    @Message("Others") String others();

    // ---- posts list
    @Message("Title contains") String titleContains();
    @Message("Status") String statusLabel();
    @Message("Any") String any();
    @Message("Author") String author();
    @Message("Anyone") String anyone();
    @Message("Tag") String tag();
    @Message("Filter") String filter();
    @Message("Filter posts") String filterPosts();
    @Message("Select") String select();
    @Message("Select “{title}”") String selectPost(String title);
    @Message("Title") String title();
    @Message("Authors") String authors();
    @Message("Changed") String changed();
    @Message("view") String view();
    @Message("{total} {#if total == 1}post{#else}posts{/if}{#if pages > 1}, page {page} of {pages}{/if}") String postCount(long total, long page, long pages);
    @Message("No post matches.") String noPostMatches();
    @Message("With the selected posts") String withSelected();
    @Message("Apply") String apply();
    @Message("Submit for review") String submitForReview();
    @Message("Publish") String publish();
    @Message("Unpublish") String unpublish();
    @Message("Move to the bin") String moveToBin();
    @Message("Pages of posts") String pagesOfPosts();
    @Message("Newer") String newer();
    @Message("Older") String older();

    // ---- editor
    @Message("Edit post") String editPost();
    @Message("Edit “{title}”") String editTitle(String title);
    @Message("View on the site") String viewOnSite();
    @Message("Revisions") String revisions();
    @Message("Sent back by {who} on {time}") String sentBackBy(String who, String time);
    @Message("Text") String text();
    @Message("Upload image") String uploadImage();
    @Message("Keys: <kbd>Ctrl</kbd>+<kbd>S</kbd> saves, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> updates the preview.") String shortcuts();
    @Message("Images can also be dropped on or pasted into the text.") String dropOrPaste();
    @Message("Post settings") String postSettings();
    @Message("Slug") String slug();
    @Message("Empty: made from the title.") String slugHint();
    @Message("Date") String date();
    @Message("As Jekyll writes it; empty: when first published.") String dateHint();
    @Message("Category") String category();
    @Message("Separated by commas.") String commaSeparated();
    @Message("Handles, separated by commas; empty: you.") String authorsHint();
    @Message("Description") String description();
    @Message("Other front matter") String otherFrontMatter();
    @Message("Preview") String preview();
    @Message("Preview of the post as the site shows it") String previewFrame();
    @Message("Publish at") String publishAt();
    @Message("Schedule") String schedule();

    // ---- conflict
    @Message("Conflict: “{title}”") String conflictTitle(String title);
    @Message("“{title}” changed while you were editing") String conflictHeading(String title);
    @Message("{who} saved it at {time}. Your text was not saved, and nothing is lost: both versions are below. Merge them in the box and save.")
    String conflictExplained(String who, String time);
    @Message("Saved version (theirs)") String theirs();
    @Message("Your version (not saved)") String yours();
    @Message("From theirs to yours") String theirsToYours();
    @Message("Merged text (the whole file, front matter included)") String mergedText();
    @Message("Save the merged text") String saveMerged();
    @Message("Leave without saving") String leaveWithoutSaving();
    @Message("Change") String change();
    @Message("Line") String line();
    @Message("added") String added();
    @Message("removed") String removed();

    // ---- revisions
    @Message("Revisions of “{title}”") String revisionsOf(String title);
    @Message("Every saved revision, newest first. Choose two to compare.") String revisionsCaption();
    @Message("From") String from();
    @Message("To") String to();
    @Message("Revision") String revision();
    @Message("Saved by") String savedBy();
    @Message("When") String when();
    @Message("Note") String note();
    @Message("Restore") String restore();
    @Message("Compare from revision {number}") String compareFrom(int number);
    @Message("Compare to revision {number}") String compareTo(int number);
    @Message("Compare") String compare();
    @Message("From revision {from} to revision {to}") String fromTo(int from, int to);

    // ---- review
    @Message("Waiting for review") String waitingForReview();
    @Message("Oldest first") String oldestFirst();
    @Message("Submitted") String submitted();
    @Message("Review “{title}”") String reviewTitle(String title);
    @Message("Open in the editor") String openInEditor();
    @Message("The post as it would appear") String asItWouldAppear();
    @Message("Send back to the writers") String sendBackLegend();
    @Message("What should change") String whatShouldChange();
    @Message("Send back") String sendBack();
    @Message("Approve") String approve();
    @Message("empty: now") String emptyNow();
    @Message("This post is not waiting for review.") String notInReview();
    @Message("History") String history();
    @Message("No steps yet.") String noSteps();

    // ---- profile
    @Message("Profile") String profile();
    @Message("About you") String aboutYou();
    @Message("Name") String name();
    @Message("Bio") String bio();
    @Message("on your author page") String bioHint();
    @Message("Save profile") String saveProfile();
    @Message("Avatar") String avatar();
    @Message("Your avatar") String yourAvatar();
    @Message("JPEG, PNG, GIF or WebP, at most 2 MiB") String avatarHint();
    @Message("Upload avatar") String uploadAvatar();
    @Message("Signed in as {handle} ({email}), {role}.") String signedInAs(String handle, String email, String role);
    @Message("Current password") String currentPassword();
    @Message("New password again") String newPasswordAgain();
    @Message("Change password") String changePassword();
    @Message("Sign in with a browser session to change the password.") String passwordNeedsSession();
    @Message("API tokens") String apiTokens();
    @Message("For scripts: send <code>Authorization: Bearer qt_…</code>. A token acts with its own role or yours, whichever is less.") String tokensHint();
    @Message("No tokens yet.") String noTokens();
    @Message("Your tokens (their secrets are never shown again)") String tokensCaption();
    @Message("Role") String roleLabel();
    @Message("Starts with") String startsWith();
    @Message("Created") String created();
    @Message("Expires") String expires();
    @Message("Last used") String lastUsed();
    @Message("Revoke") String revoke();
    @Message("Revoke {name}") String revokeNamed(String name);
    @Message("revoked") String revoked();
    @Message("never") String never();
    @Message("Expires after (days)") String expiresAfter();
    @Message("Create token") String createToken();

    // ---- users
    @Message("{count} accounts, including authors who cannot sign in") String usersCaption(int count);
    @Message("E-mail") String email();
    @Message("Role and state") String roleAndState();
    @Message("Give their posts to") String giveTheirPosts();
    @Message("Role of {handle}") String roleOf(String handle);
    @Message("State of {handle}") String stateOf(String handle);
    @Message("active") String active();
    @Message("deactivated") String deactivated();
    @Message("Reset link") String resetLink();
    @Message("Reset link for {handle}") String resetLinkFor(String handle);
    @Message("Give the posts of {handle} to") String givePostsOf(String handle);
    @Message("Reassign") String reassign();
    @Message("Invite someone") String inviteSomeone();
    @Message("Handle") String handle();
    @Message("Invite") String invite();

    // ---- tags
    @Message("No post carries a tag yet.") String noTags();
    @Message("{count} tags. Renaming or merging rewrites the tag list in each post's front matter, as a new revision.") String tagsCaption(int count);
    @Message("Name and description") String nameAndDescription();
    @Message("Merge into") String mergeInto();
    @Message("Name of {tag}") String nameOf(String tag);
    @Message("Description of {tag}") String descriptionOf(String tag);
    @Message("Merge {tag} into") String mergeTagInto(String tag);
    @Message("Merge") String merge();

    // ---- settings
    @Message("Site settings") String siteSettings();
    @Message("Address") String address();
    @Message("Used for absolute links in feeds and the sitemap.") String addressHint();
    @Message("Language") String language();
    @Message("A BCP 47 tag; it sets the theme's language and the order of names.") String languageHint();
    @Message("Time zone") String timeZone();
    @Message("Changing it can move posts to new addresses; the old ones answer 301.") String timeZoneHint();
    @Message("Permalink pattern") String permalink();
    @Message("Posts per page") String postsPerPage();

    @Message("Keep editors' and administrators' HTML as written") String trustStaffHtml();

    @Message("Their posts and imported ones may then hold any HTML, scripts too (pages still run only this site's"
            + " own script files). Untick to clean everyone's HTML as contributors' is; posts change at once.")
    String trustStaffHtmlHint();
    @Message("Save settings") String saveSettings();

    // ---- what a form did
    @Message("{#when what}{#is 'created'}Draft created.{#is 'saved'}Saved.{#is 'submitted'}Submitted for review. An editor will publish it or send it back with a comment.{#is 'published'}Published.{#is 'scheduled'}Scheduled.{#is 'unpublished'}Taken off the site.{#is 'restored'}The revision is the current text again.{#is 'merged'}Your merged text is saved.{#else}Done.{/when}")
    String done(String what);
    @Message("{#when action}{#is 'publish'}Your text is saved, but the post was not published.{#is 'submit'}Your text is saved, but the post was not submitted for review.{#is 'schedule'}Your text is saved, but the post was not scheduled.{#is 'unpublish'}Your text is saved, but the post is still on the site.{#else}Your text is saved.{/when}")
    String savedButNot(String action);
    @Message("Your unsaved changes from {time} are back in the editor. Save to keep them.") String autosaveBack(String time);
    @Message("Someone saved the post since you started them; saving shows both versions.") String autosaveStale();
    @Message("{#when action}{#is 'submit'}Submitted for review{#is 'publish'}Published{#is 'unpublish'}Unpublished{#is 'delete'}Moved to the bin{#else}Done{/when}: {titles}.")
    String bulkDone(String action, String titles);
    @Message("Tick the posts to apply the action to.") String tickPosts();
    @Message("Profile saved.") String profileSaved();
    @Message("Avatar saved.") String avatarSaved();
    @Message("Password changed; your other sessions have ended.") String passwordChanged();
    @Message("The new password and its repetition differ.") String passwordsDiffer();
    @Message("Days until it expires: a whole number, or empty for never.") String daysNumber();
    @Message("Token “{name}” created. Copy its secret now: it is shown only this once.") String tokenCreated(String name);
    @Message("Token revoked.") String tokenRevoked();
    @Message("{count} posts of {from} now belong to {to}.") String reassigned(int count, String from, String to);
    @Message("Saved.") String saved();
    @Message("Saved “{name}”{#if count > 0}; {count} posts now carry the new name{/if}.") String tagSaved(String name, int count);
    @Message("Merged into “{name}”; {count} posts changed.") String tagMerged(String name, int count);
    @Message("Settings saved.{#if moved > 0} {moved} posts moved to their new addresses; the old ones answer 301.{/if}") String settingsSaved(int moved);
    @Message("Posts per page: a whole number.") String postsPerPageNumber();
    @Message("Give the post a title to see its preview.") String previewNeedsTitle();

    // ---- media library
    @Message("Media") String media();
    @Message("Media library") String mediaLibrary();
    @Message("Search file names") String searchMedia();
    @Message("Search") String search();
    @Message("{total} files") String fileCount(long total);
    @Message("Broken media") String brokenMedia();
    @Message("Files posts refer to that the library does not have") String brokenCaption();
    @Message("No post refers to a missing file.") String noBroken();
    @Message("Used in") String usedIn();
    @Message("Not used in any post") String unused();
    @Message("Alt text") String altText();
    @Message("Alt text of {path}") String altTextOf(String path);
    @Message("Delete") String delete();
    @Message("Delete even though posts use it") String forceDelete();
    @Message("uploaded by {who} on {time}") String uploadedBy(String who, String time);
    @Message("Deleted {path}.") String mediaDeleted(String path);
    @Message("No file matches.") String noMedia();
    @Message("File") String file();

    // ---- import
    @Message("Import") String importNav();
    @Message("Move in from Jekyll") String importTitle();
    @Message("Upload your Jekyll site as a zip: every post, draft, author, image and old address comes with it, and importing the same site again updates what changed. The site keeps serving while it runs.")
    String importExplained();
    @Message("The site as a zip") String siteZip();
    @Message("Start the import") String startImport();
    @Message("Importing {name}") String importOf(String name);
    @Message("{done} of {total} posts") String importProgress(int done, int total);
    @Message("Waiting for the import before it to finish.") String importWaiting();
    @Message("Importing; this page follows along.") String importRunning();
    @Message("Done: {imported} new, {updated} updated, {unchanged} unchanged, {failed} failed.") String importDone(long imported, long updated, long unchanged, long failed);
    @Message("Posts that are new, changed or have something to report") String importReport();
    @Message("Import another site") String importAnother();

    // ---- plugins
    @Message("Plugins") String plugins();
    @Message("Built in") String builtIn();
    @Message("Installed") String installedPlugin();
    @Message("On") String pluginOn();
    @Message("Off") String pluginOff();
    @Message("Turn on") String turnOn();
    @Message("Turn off") String turnOff();
    @Message("Remove") String removePlugin();
    @Message("Install or upgrade a plugin") String installPlugin();
    @Message("A plugin jar built against plugin API {version}. A new plugin starts turned off; a jar with the id of an installed plugin upgrades it.") String installHint(String version);
    @Message("Plugin jar") String pluginJar();
    @Message("Install") String install();
    @Message("This Quire runs as a native executable, which cannot load plugin jars: only the built-in plugins run here. Use the JVM build to install plugins.") String nativeNoJars();
    @Message("Jars in the plugins folder that could not be loaded") String refusedJars();
    @Message("Recent failures") String recentFailures();
    @Message("Save plugin settings") String savePluginSettings();
    @Message("yes") String yes();
    @Message("no") String no();
    @Message("{#when what}{#is 'installed'}Plugin {id} installed; turn it on to use it.{#is 'enabled'}Plugin {id} is on.{#is 'disabled'}Plugin {id} is off.{#is 'removed'}Plugin {id} removed, with its jar and settings.{#is 'configured'}Settings of {id} saved.{#else}Done.{/when}")
    String pluginDone(String what, String id);

    // ---- export
    @Message("Export the static site") String exportTitle();
    @Message("Writes the whole public site (every post, list, tag and author page, feeds, sitemap, media and theme files) as static files, rendered by the same code as the live site, for any static host or CDN. Files that did not change are not rewritten.")
    String exportExplained();
    @Message("{done} of {total} pages") String exportProgress(int done, int total);
    @Message("Exporting; this page follows along.") String exportRunning();
    @Message("Done at {time}: {pages} pages, {written} written, {unchanged} unchanged; {media} media files.") String exportDone(int pages, int written, int unchanged, int media, String time);
    @Message("Written to {folder} on the server.") String exportFolder(String folder);
    @Message("Download the site as a zip") String exportDownload();
    @Message("Render every post from its Markdown first (after changing the theme or plugins)") String exportFromMarkdown();
    @Message("Export now") String exportStart();

    // ---- backup and restore
    @Message("Back up and restore") String backupTitle();
    @Message("A backup is one zip archive with everything: the database content as JSON (accounts with their password hashes, posts with their revisions and history, tags, redirects, media records, plugin settings), every media file and installed plugin jar. Keep it somewhere safe: it lets anyone who has it sign in as your users.")
    String backupExplained();
    @Message("Download a backup") String backupDownload();
    @Message("Restore a backup") String restoreTitle();
    @Message("A backup goes back into a new, empty instance only (a first start's site, administrator and sample post), so nothing is overwritten. Afterwards everyone signs in with the accounts from the backup. Archives above {limit} are restored with the command: quire restore <file.zip>.")
    String restoreExplained(String limit);
    @Message("Backup archive") String backupArchive();
    @Message("Restored {site}, backed up by Quire {version} at {time}: {posts} posts, {accounts} accounts, {media} media objects. Sign in with an account from the backup.")
    String restored(String site, String version, String time, long posts, long accounts, int media);
    @Message("Sign in") String signInAgain();
}
