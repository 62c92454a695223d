import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type DateWindow, parseWindow } from '../../src/core/window.ts';

const TODAY = Temporal.PlainDate.from('2026-11-26');

function windowOf(text: string): DateWindow {
  const result = parseWindow(text, TODAY);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
  return result.window;
}

const span = (w: DateWindow) => ({ from: w.from.toString(), to: w.to.toString(), wholeYears: w.wholeYears });

describe('parseWindow (today 2026-11-26)', () => {
  it('GIVEN empty text THEN the window is the next 30 days from today', () => {
    const w = windowOf('');
    expect(span(w)).toEqual({ from: '2026-11-26', to: '2026-12-26', wholeYears: false });
    expect(w.label).toBe('the next 30 days');
  });

  it('GIVEN only white space THEN it is the default next 30 days', () => {
    expect(span(windowOf('   '))).toEqual({ from: '2026-11-26', to: '2026-12-26', wholeYears: false });
  });

  it('GIVEN "next 60 days" THEN the window runs from today to 2027-01-25', () => {
    const w = windowOf('next 60 days');
    expect(span(w)).toEqual({ from: '2026-11-26', to: '2027-01-25', wholeYears: false });
    expect(w.label).toBe('the next 60 days');
  });

  it('GIVEN "14 days" without "next" and in mixed case THEN it is read the same way', () => {
    expect(span(windowOf('14 Days'))).toEqual({ from: '2026-11-26', to: '2026-12-10', wholeYears: false });
    expect(span(windowOf('Next  14  days'))).toEqual({
      from: '2026-11-26',
      to: '2026-12-10',
      wholeYears: false,
    });
  });

  it('GIVEN "2027" THEN the window is the whole year and says it covers whole years', () => {
    const w = windowOf('2027');
    expect(span(w)).toEqual({ from: '2027-01-01', to: '2027-12-31', wholeYears: true });
    expect(w.label).toBe('2027');
  });

  it('GIVEN "2026-10" THEN the window is 1 to 31 October 2026, labelled "October 2026"', () => {
    const w = windowOf('2026-10');
    expect(span(w)).toEqual({ from: '2026-10-01', to: '2026-10-31', wholeYears: false });
    expect(w.label).toBe('October 2026');
  });

  it('GIVEN "2028-02" THEN the window ends on 29 February of the leap year', () => {
    expect(windowOf('2028-02').to.toString()).toBe('2028-02-29');
  });

  it('GIVEN "this month" THEN the window is all of November 2026', () => {
    const w = windowOf('this month');
    expect(span(w)).toEqual({ from: '2026-11-01', to: '2026-11-30', wholeYears: false });
    expect(w.label).toBe('November 2026');
  });

  it('GIVEN "next month" THEN the window is all of December 2026', () => {
    const w = windowOf('next month');
    expect(span(w)).toEqual({ from: '2026-12-01', to: '2026-12-31', wholeYears: false });
    expect(w.label).toBe('December 2026');
  });

  it('GIVEN "this year" THEN the window is all of 2026', () => {
    expect(span(windowOf('this year'))).toEqual({ from: '2026-01-01', to: '2026-12-31', wholeYears: true });
  });

  it('GIVEN "next year" THEN the window is all of 2027', () => {
    const w = windowOf('next year');
    expect(span(w)).toEqual({ from: '2027-01-01', to: '2027-12-31', wholeYears: true });
    expect(w.label).toBe('2027');
  });

  it.each(['soon', '2026-13', '0 days', '99999 days'])(
    'GIVEN "%s" THEN it is refused with a message that names a valid form',
    (text) => {
      const result = parseWindow(text, TODAY);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toContain('next 60 days');
    },
  );

  it('GIVEN an unknown period THEN the message quotes what was typed', () => {
    const result = parseWindow('soon', TODAY);
    expect(result.ok === false && result.message).toContain('"soon"');
  });

  describe('parseWindow turning N', () => {
    it('GIVEN next year turning 50 THEN the whole next year, filtered to the 50th', () => {
      const result = parseWindow('next year turning 50', TODAY);
      expect(result.ok && { from: result.window.from.toString(), turning: result.window.turning }).toEqual({
        from: '2027-01-01',
        turning: 50,
      });
    });

    it('GIVEN turning 0 THEN refuses: anniversaries start at 1', () => {
      expect(parseWindow('2027 turning 0', TODAY).ok).toBe(false);
    });
  });
});
