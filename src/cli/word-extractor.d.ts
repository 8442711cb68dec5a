/** The part of word-extractor (no types published) that the CLI uses to read Word 97–2003 .doc plans. */
declare module "word-extractor" {
  interface WordDocument {
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
