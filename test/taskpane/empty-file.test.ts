/**
 * Open file with an empty file (0 bytes, as a failed export leaves it): the pane says the file is empty, as
 * kor-check does ("het bestand is leeg"), not "no header row with a date and an amount column in the first row".
 */
import { EmptyFileError, readFileSource } from "../../src/taskpane/browser/files";
import { errorOf, failureOf } from "../../src/taskpane/browser/fileWorker";
import { S } from "../../src/taskpane/strings";
import { fileLike } from "./xlsxXml";

describe("an empty file", () => {
  it.each(["leeg.csv", "leeg.txt", "leeg.xlsx"])("%s is refused as empty", async (name) => {
    const e = await readFileSource(fileLike(name, new Uint8Array(0))).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(EmptyFileError);
  });

  it("keeps its reason when read in a worker", () => {
    expect(errorOf(failureOf(new EmptyFileError("leeg.csv")), "leeg.csv")).toBeInstanceOf(EmptyFileError);
  });

  it("is named in both languages as kor-check names it", () => {
    expect(S.fileEmpty).toEqual({ nl: "het bestand is leeg", en: "the file is empty" });
  });

  it("a file with only a header row is still read (no invoices, not empty)", async () => {
    const source = await readFileSource(fileLike("kop.csv", new TextEncoder().encode("Factuurdatum;Bedrag\n")));
    expect(source.values).toEqual([["Factuurdatum", "Bedrag"]]);
  });
});
