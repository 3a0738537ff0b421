/**
 * Your data (`/settings/data`): what the community agreement promises, that a member can take
 * everything Kindred keeps about them (GET /api/v1/me/export) or delete their account
 * (DELETE /api/v1/me) at any time.
 */
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";
import { DeleteAccount } from "./DeleteAccount";
import { DownloadMyData } from "./DownloadMyData";

export default function YourData() {
  const t = useT();
  return (
    <Page title={t("yourData.title")}>
      <p>{t("yourData.intro")}</p>
      <DownloadMyData />
      <DeleteAccount />
    </Page>
  );
}
