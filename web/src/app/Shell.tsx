/**
 * The frame around every screen: a skip link, the brand, "Get help now" (signed in or not),
 * the member's navigation, the connection status region, and a footer with the agreement,
 * help and language.
 */
import { type ReactNode, Suspense, lazy } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider";
import { useMe } from "../features/auth/session";
import { SignOutButton } from "../features/auth/SignOutButton";
import { GetHelpNow } from "../features/help/GetHelpNow";
import { ConnectionStatus } from "./ConnectionStatus";
import { LanguagePicker } from "./LanguagePicker";

const CareNotices = lazy(() => import("../features/support/CareNotices"));

function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="9" fill="#2f6f5e" />
      <circle cx="20" cy="16" r="9" fill="#7cc4ae" fillOpacity=".85" />
    </svg>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  const signedIn = Boolean(me.data);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="shell-header">
        <Link className="brand" href={signedIn ? "/home" : "/"}>
          <Logo />
          {t("app.name")}
        </Link>
        <nav className="shell-nav" aria-label={t("app.navLabel")}>
          {signedIn ? (
            <>
              <Link href="/home">{t("nav.home")}</Link>
              <Link href="/rooms">{t("nav.rooms")}</Link>
              <Link href="/settings/sessions">{t("nav.sessions")}</Link>
              <Link href="/settings/data">{t("nav.yourData")}</Link>
              <Link href="/settings/blocked">{t("nav.blocked")}</Link>
              {me.data?.roles.includes("admin") ? <Link href="/admin/crisis-lines">{t("nav.crisisLines")}</Link> : null}
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in">{t("nav.signIn")}</Link>
              <Link href="/sign-up">{t("nav.signUp")}</Link>
            </>
          )}
          <GetHelpNow />
        </nav>
      </header>
      {signedIn ? <ConnectionStatus /> : null}
      <main id="main" className="shell-main" tabIndex={-1}>
        {signedIn ? (
          <Suspense fallback={null}>
            <CareNotices />
          </Suspense>
        ) : null}
        {children}
      </main>
      <footer className="shell-footer">
        <a href="/agreement">{t("app.agreementLink")}</a>
        <a href="/help">{t("app.helpLink")}</a>
        <LanguagePicker />
      </footer>
    </>
  );
}
