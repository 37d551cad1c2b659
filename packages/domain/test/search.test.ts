import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TOKENS, searchQueryToken, searchTokens, searchWords, slugify, slugSchema } from "../src";

describe("searchWords", () => {
  it("lowercases, strips diacritics and splits on non-alphanumerics", () => {
    expect(searchWords("Crème Brûlée-Set #2, ÉTÉ")).toEqual(["creme", "brulee", "set", "2", "ete"]);
  });

  it("keeps non-latin letters", () => {
    expect(searchWords("Чашка для чая")).toEqual(["чашка", "для", "чая"]);
  });
});

describe("searchTokens", () => {
  it("produces prefixes of length 2..15 for each word", () => {
    expect(searchTokens("Oak Bowl", [])).toEqual(["oa", "oak", "bo", "bow", "bowl"]);
  });

  it("strips diacritics so shoppers can type without accents", () => {
    const tokens = searchTokens("Café Crème", []);
    expect(tokens).toContain("cafe");
    expect(tokens).toContain("creme");
    expect(tokens.some((t) => /[^\x00-\x7f]/.test(t))).toBe(false);
  });

  it("deduplicates across name, tags and extra terms", () => {
    const tokens = searchTokens("Oak oak OAK", ["oak", "Oaken"], ["oak"]);
    expect(tokens).toEqual(["oa", "oak", "oake", "oaken"]);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("ignores one-letter words and caps prefixes at 15 characters", () => {
    const tokens = searchTokens("A Supercalifragilistic mug", []);
    expect(tokens).not.toContain("a");
    expect(tokens).toContain("supercalifragil");
    expect(tokens).not.toContain("supercalifragili");
    expect(Math.max(...tokens.map((t) => t.length))).toBe(15);
  });

  it("caps the total at 200 and keeps every name word", () => {
    const tags = Array.from({ length: 20 }, (_, i) => `tagword${String.fromCharCode(97 + i)}xxxxxxxxxx`);
    const tokens = searchTokens("Handmade Walnut Serving Board", tags, ["extraordinarily long words"]);
    expect(tokens).toHaveLength(MAX_SEARCH_TOKENS);
    for (const word of ["handmade", "walnut", "serving", "board"]) expect(tokens).toContain(word);
    expect(tokens.slice(0, 2)).toEqual(["ha", "han"]);
  });

  it("is all lowercase", () => {
    for (const token of searchTokens("ÉLAN Vital", ["XL"])) expect(token).toBe(token.toLowerCase());
  });
});

describe("searchQueryToken", () => {
  it("picks the longest word, normalised and cut to 15", () => {
    expect(searchQueryToken("  oak BÔWLS ")).toBe("bowls");
    expect(searchQueryToken("supercalifragilistic")).toBe("supercalifragil");
    expect(searchQueryToken("a")).toBeNull();
    expect(searchQueryToken("")).toBeNull();
  });

  it("matches a token produced for the product", () => {
    const token = searchQueryToken("Brûlée");
    expect(token).not.toBeNull();
    expect(searchTokens("Crème Brûlée Dish", [])).toContain(token);
  });
});

describe("slugify", () => {
  it.each([
    ["Oak Bowl", "oak-bowl"],
    ["  Crème Brûlée -- Set #2! ", "creme-brulee-set-2"],
    ["already-a-slug", "already-a-slug"],
    ["Чашка", ""],
  ])("%j -> %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("produces valid slugs no longer than 120 characters", () => {
    const slug = slugify(`${"word ".repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
});
