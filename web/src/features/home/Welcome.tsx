/** The front door for visitors: what Kindred is, in plain words, and the way in. */
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";

export function Welcome() {
  const t = useT();
  return (
    <Page title={t("welcome.title")}>
      <p className="lead">{t("welcome.lead")}</p>
      <p>{t("welcome.body")}</p>
      <ul>
        <li>{t("welcome.pointHandle")}</li>
        <li>{t("welcome.pointConsent")}</li>
        <li>{t("welcome.pointNoTrackers")}</li>
        <li>{t("welcome.pointAdults")}</li>
      </ul>
      <div className="actions">
        <Link className="button" href="/sign-up">
          {t("welcome.signUp")}
        </Link>
        <Link className="button secondary" href="/sign-in">
          {t("welcome.signIn")}
        </Link>
      </div>
    </Page>
  );
}
