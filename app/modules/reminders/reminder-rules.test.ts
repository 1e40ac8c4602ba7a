import { describe, expect, it } from "vitest";
import { reminderKindFor } from "./reminder-rules";

const DAY = 86_400_000;
const due = new Date("2026-05-20T23:59:59Z");
const at = (msBeforeDue: number) => new Date(due.getTime() - msBeforeDue);

describe("reminderKindFor", () => {
  const settings = { reminderDaysBefore: 3, remindWhenOverdue: true };

  it("is due_soon inside the window (0 < due − now ≤ days), nothing before it", () => {
    expect(reminderKindFor(due, at(3 * DAY + 1), settings)).toBeNull();
    expect(reminderKindFor(due, at(3 * DAY), settings)).toBe("due_soon");
    expect(reminderKindFor(due, at(1), settings)).toBe("due_soon");
  });

  it("is nothing at the due instant, overdue right after it", () => {
    expect(reminderKindFor(due, due, settings)).toBeNull();
    expect(reminderKindFor(due, at(-1), settings)).toBe("overdue");
    expect(reminderKindFor(due, at(-40 * DAY), settings)).toBe("overdue");
  });

  it("respects the organisation's switches: 0 days and no overdue reminder", () => {
    expect(
      reminderKindFor(due, at(DAY), { reminderDaysBefore: 0, remindWhenOverdue: true }),
    ).toBeNull();
    expect(
      reminderKindFor(due, at(-DAY), { reminderDaysBefore: 3, remindWhenOverdue: false }),
    ).toBeNull();
    expect(
      reminderKindFor(due, at(30 * DAY), { reminderDaysBefore: 30, remindWhenOverdue: false }),
    ).toBe("due_soon");
  });
});
