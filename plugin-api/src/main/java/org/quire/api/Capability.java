package org.quire.api;

/**
 * A host service beyond reading the site that a plugin declares in its descriptor before it is turned on. The
 * plugins page shows an administrator what each plugin uses, and the host refuses a service the plugin did not
 * declare. Since API 1.4; later versions add more.
 */
public enum Capability {
    /** Keeps records of its own in the site's database ({@link PluginContext#records()}). */
    RECORDS,
    /** Runs background and recurring work ({@link PluginContext#work()}, {@link QuirePlugin#tasks()}). */
    WORK,
    /** Takes POSTs from readers ({@link QuirePlugin#inputRoutes()}). */
    READER_INPUT,
    /** Calls other servers, only the hosts it declares ({@link PluginContext#http()}). */
    OUTBOUND_HTTP,
    /** Sends mail through the site's SMTP server ({@link PluginContext#mail()}). Since API 1.5. */
    MAIL
}
