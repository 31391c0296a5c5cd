import type { SectionInput, SectionProps } from "./section.js";

// Owned by the attachments work: the list of files, upload and remove for editors.

export type AttachmentsData = null;

export async function loadAttachments(_input: SectionInput): Promise<AttachmentsData> {
  return null;
}

export function AttachmentsSection(_props: SectionProps<AttachmentsData>) {
  return null;
}
