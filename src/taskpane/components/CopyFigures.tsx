/** The "Cijfers kopiëren" button: the verdict and key figures as text on the clipboard. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { Copy20Regular, Print20Regular } from "@fluentui/react-icons";
import type { Lang } from "../../i18n/types";
import type { Day } from "../../rules/dates";
import type { YearSummary } from "../../rules/summary-types";
import { figuresText } from "../copyText";
import type { Reconciliation } from "../model";
import { S, t } from "../strings";

/** Copies `text` to the clipboard; falls back to a hidden textarea where the Clipboard API is not allowed. */
export async function copyText(text: string): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Excel's webview may refuse the Clipboard API: fall back below.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

export function CopyButton(props: { lang: Lang; text: () => string }): React.ReactElement {
  const { lang } = props;
  const [state, setState] = React.useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        size="small"
        icon={<Copy20Regular />}
        data-testid="copy-figures"
        onClick={() => {
          copyText(props.text()).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
      >
        {t(lang, S.copyFigures)}
      </Button>
      <span role="status" aria-live="polite" data-testid="copy-status" style={{ flexBasis: state === "idle" ? undefined : "100%", fontSize: 12 }}>
        {state === "copied" ? t(lang, S.copied) : state === "failed" ? t(lang, S.copyFailed) : ""}
      </span>
    </>
  );
}

export function CopyFigures(props: {
  lang: Lang;
  summary: YearSummary;
  sourceName: string;
  reconciliation: Reconciliation;
  today: Day;
  previousYearSheet?: string | null;
}): React.ReactElement {
  const { lang, summary, sourceName, reconciliation, today } = props;
  const previousYearSheet = props.previousYearSheet ?? null;
  return <CopyButton lang={lang} text={() => figuresText(summary, lang, { sourceName, today, reconciliation, previousYearSheet })} />;
}

/**
 * "Afdrukken / PDF" outside Excel (Excel's pane cannot print): the browser's print dialog, which also saves
 * as PDF. The print stylesheet (App.tsx) leaves the verdict and the figures and drops every button.
 */
export function PrintButton(props: { lang: Lang }): React.ReactElement {
  return (
    <Button size="small" icon={<Print20Regular />} onClick={() => window.print()} title={t(props.lang, S.printTitle)} data-testid="print">
      {t(props.lang, S.print)}
    </Button>
  );
}
