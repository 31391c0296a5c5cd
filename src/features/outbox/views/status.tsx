import type { MailStatus } from "../../../platform/mail/tables.js";

const labels: Record<MailStatus, string> = { queued: "Queued", sent: "Sent", failed: "Failed" };

// The app's success and danger colours, which keep 4.5:1 contrast in both themes.
const styles: Record<MailStatus, string | undefined> = {
  queued: undefined,
  sent: "background:var(--success-soft);color:var(--success)",
  failed: "background:var(--danger-soft);color:var(--danger)",
};

export function StatusBadge({ status }: { status: MailStatus }) {
  return (
    <span class={status === "queued" ? "badge badge-muted" : "badge"} style={styles[status]}>
      {labels[status]}
    </span>
  );
}

export const attemptsLabel = (attempts: number) =>
  attempts === 0 ? "not tried yet" : attempts === 1 ? "1 attempt" : `${attempts} attempts`;
