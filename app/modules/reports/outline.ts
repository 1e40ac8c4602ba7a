import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFRef } from "pdf-lib";
import { MARGIN_X, type ChapterMark } from "./layout";

/**
 * The document outline (bookmarks), one entry per chapter. pdf-lib has no outline API, so the
 * dictionaries are built by hand (PDF 32000-1, 12.3.3): an /Outlines root with /First, /Last and
 * /Count, and one item per chapter with /Title, /Parent, /Prev, /Next and an explicit
 * destination [page /XYZ left top null] (null zoom keeps the reader's zoom).
 */
export function addOutline(doc: PDFDocument, chapters: ChapterMark[]): void {
  if (chapters.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const itemRefs: PDFRef[] = chapters.map(() => context.nextRef());
  chapters.forEach((chapter, index) => {
    const item = context.obj({});
    // Titles as UTF-16 hex strings: umlauts and „quotes“ survive in every reader.
    item.set(PDFName.of("Title"), PDFHexString.fromText(chapter.title));
    item.set(PDFName.of("Parent"), rootRef);
    if (index > 0) item.set(PDFName.of("Prev"), itemRefs[index - 1]!);
    if (index < chapters.length - 1) item.set(PDFName.of("Next"), itemRefs[index + 1]!);
    item.set(
      PDFName.of("Dest"),
      context.obj([
        chapter.page.ref,
        PDFName.of("XYZ"),
        PDFNumber.of(MARGIN_X),
        PDFNumber.of(Math.round(chapter.top)),
        PDFNull,
      ]),
    );
    context.assign(itemRefs[index]!, item);
  });
  const root = context.obj({});
  root.set(PDFName.of("Type"), PDFName.of("Outlines"));
  root.set(PDFName.of("First"), itemRefs[0]!);
  root.set(PDFName.of("Last"), itemRefs[itemRefs.length - 1]!);
  root.set(PDFName.of("Count"), PDFNumber.of(chapters.length));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  // Readers open with the bookmarks panel visible.
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
