/** @jest-environment jsdom */
import { DRAFT_KEY, draftKey, localDraftStore, type PlanDraft } from "../../src/taskpane/draft-store";

const draft = (text: string): PlanDraft => ({
  text,
  plan: null,
  indicators: [],
  savedAt: "2026-12-01T00:00:00Z",
});

afterEach(() => localStorage.clear());

describe("the plan draft in local storage", () => {
  it("keeps one draft per Office storage partition (Office.context.partitionKey in the key)", () => {
    const a = localDraftStore(localStorage, "partition-A");
    const b = localDraftStore(localStorage, "partition-B");
    a.save(draft("kế hoạch A"));
    b.save(draft("kế hoạch B"));
    expect(a.load()?.text).toBe("kế hoạch A");
    expect(b.load()?.text).toBe("kế hoạch B");
    expect(Object.keys(localStorage).sort()).toEqual([draftKey("partition-A"), draftKey("partition-B")]);
    a.clear();
    expect(a.load()).toBeNull();
    expect(b.load()?.text).toBe("kế hoạch B");
  });

  it("still finds a draft saved before keys carried the partition, and moves it on the next save", () => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft("cũ")));
    const store = localDraftStore(localStorage, "partition-A");
    expect(store.load()?.text).toBe("cũ");
    store.save(draft("cũ, sửa tiếp"));
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(store.load()?.text).toBe("cũ, sửa tiếp");
  });

  it("uses the plain key outside Office (the playground, no partition)", () => {
    localDraftStore(localStorage).save(draft("x"));
    expect(Object.keys(localStorage)).toEqual([DRAFT_KEY]);
  });
});
