import { Fragment } from "react";
import { codeTag } from "@/app/components/code-tag";
import { getTranslations } from "next-intl/server";
import { directoryColumns } from "@/lib/decision-makers/directory-csv";
import { languageNames } from "@/lib/i18n/locales";
import { BackLink } from "../../back-link";
import { directoryPagePath, openDirectoryEditor, type DirectoryPageProps } from "../organisation";
import { ImportForm } from "./import-form";
import { organiserPageMetadata } from "../../page-access";

export const dynamic = "force-dynamic";

export const generateMetadata = organiserPageMetadata("Directory", "importTitle", { noIndex: true });

export default async function ImportPage(props: DirectoryPageProps) {
  const { locale, current } = await openDirectoryEditor(props);
  const t = await getTranslations({ locale, namespace: "Directory" });
  return (
    <>
      <BackLink href={directoryPagePath(locale, current.id)}>{t("back")}</BackLink>
      <h1>{t("importTitle")}</h1>
      <p className="lede">{t("importIntro")}</p>
      <p>
        {t.rich("importColumns", { code: codeTag })} <code lang="en" dir="ltr">
          {/* A line may break after each comma: on a phone the list wraps instead of widening the page. */}
          {Object.keys(directoryColumns).map((column, index) => (
            <Fragment key={column}>
              {index > 0 ? "," : ""}
              {index > 0 ? <wbr /> : null}
              {column}
            </Fragment>
          ))}
        </code>
      </p>
      <ImportForm locale={locale} organisationId={current.id} languageNames={languageNames(locale)} />
    </>
  );
}
