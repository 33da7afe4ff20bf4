package org.quire.web.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of two-factor sign-in (the code step, setting up an app, the site's rule), in English here and in
 * Chinese in {@code messages/tfa_zh.properties}; templates use {@code {tfa:key}}.
 */
@MessageBundle(value = "tfa", locale = "en")
public interface TwoFactorText {

    // ---- the code step of a sign-in
    @Message("Sign-in code") String signInCode();
    @Message("The six digits your authenticator app shows now, or one of your recovery codes.") String signInCodeHint();
    @Message("Continue") String continueSignIn();

    // ---- setting it up
    @Message("Two-factor sign-in") String twoFactor();
    @Message("On since {since}. {left} of your recovery codes are unused.") String twoFactorOn(String since, int left);
    @Message("Off: you sign in with your password alone.") String twoFactorOff();
    @Message("This site requires two-factor sign-in for your role: set it up before you continue.") String twoFactorRequired();
    @Message("Set up an authenticator app") String twoFactorStart();
    @Message("Add this key to your authenticator app (any app for time-based codes), then type the code it shows.") String twoFactorAddKey();
    @Message("Key") String twoFactorKey();
    @Message("Or open this address on the phone") String twoFactorUri();
    @Message("Code from the app") String twoFactorCode();
    @Message("Turn on") String twoFactorConfirm();
    @Message("Two-factor sign-in is on. Keep these recovery codes somewhere safe: each signs in once in place of a code, and they are shown only now.") String twoFactorCodesShown();
    @Message("New recovery codes") String twoFactorNewCodes();
    @Message("Turn off (needs your password)") String twoFactorTurnOff();
    @Message("Two-factor sign-in is off.") String twoFactorTurnedOff();
    @Message("Two-factor sign-in required of") String twoFactorRule();
    @Message("{#when rule}{#is 'administrators'}administrators{#is 'editors'}editors and administrators{#else}nobody (each person chooses){/when}") String twoFactorRuleName(String rule);
}
