import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type DateWindow, parseWindow, periodPhrase, windowText } from '../../src/core/window.ts';
import { LANGS, type Lang } from '../../src/i18n/languages.ts';
import { translator } from '../../src/i18n/translator.ts';

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

  it('GIVEN a month named without a year, in any of our languages THEN it is the next such month, this one while it lasts', () => {
    for (const name of ['March', 'März', 'mars', 'marzo', 'březen', 'března', '3月', 'mar.']) {
      expect(span(windowOf(name)), name).toEqual({ from: '2027-03-01', to: '2027-03-31', wholeYears: false });
    }
    expect(span(windowOf('November'))).toEqual({ from: '2026-11-01', to: '2026-11-30', wholeYears: false });
    const w = windowOf('June turning 50 page 2');
    expect(span(w)).toEqual({ from: '2027-06-01', to: '2027-06-30', wholeYears: false });
    expect([w.turning, w.page, w.label]).toEqual([50, 2, 'June 2027']);
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

  it('GIVEN "today" THEN the window is this one day, and the command reads its own text again', () => {
    const w = windowOf('today');
    expect(span(w)).toEqual({ from: '2026-11-26', to: '2026-11-26', wholeYears: false });
    expect(w.label).toBe('today');
    expect(windowText(w)).toBe('today');
  });

  it('GIVEN a half of a year THEN its first or last six months, and the command reads its own text again', () => {
    const first = windowOf('2027 h1');
    expect(span(first)).toEqual({ from: '2027-01-01', to: '2027-06-30', wholeYears: false });
    expect(first.label).toBe('the first half of 2027');
    expect(windowText(first)).toBe('2027 h1');
    expect(span(windowOf('next year h2'))).toEqual({
      from: '2027-07-01',
      to: '2027-12-31',
      wholeYears: false,
    });
    expect(span(windowOf('this year h2 turning 50'))).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
      wholeYears: false,
    });
  });

  it('GIVEN a half written as people write it ("H2 2027", "2027-h2") THEN the same half', () => {
    for (const text of ['H2 2027', 'h2 2027', '2027-h2', '2027-H2'])
      expect(span(windowOf(text)), text).toEqual({ from: '2027-07-01', to: '2027-12-31', wholeYears: false });
    expect(windowText(windowOf('H1 2027'))).toBe('2027 h1');
  });

  it('GIVEN a month named with its year, either first, in any of our languages THEN that month of that year', () => {
    for (const text of [
      'March 2027',
      'märz 2027',
      'mars 2027',
      'marzo 2027',
      'březen 2027',
      'března 2027',
      '2027 march',
      '2027年3月',
      '2027 3月',
    ])
      expect(span(windowOf(text)), text).toEqual({ from: '2027-03-01', to: '2027-03-31', wholeYears: false });
    expect(span(windowOf('November 2026 turning 10'))).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      wholeYears: false,
    });
    expect(windowText(windowOf('March 2027'))).toBe('2027-03');
    for (const text of ['Smarch 2027', 'March 20277', '2027 3', 'March 0000'])
      expect(parseWindow(text, TODAY).ok, text).toBe(false);
  });

  it('GIVEN "year after next" THEN the window is the whole year two years from now', () => {
    const w = windowOf('year after next');
    expect(span(w)).toEqual({ from: '2028-01-01', to: '2028-12-31', wholeYears: true });
    expect(w.label).toBe('2028');
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

describe('a period in the reader language', () => {
  const read = (text: string, lang: Lang) => parseWindow(text, TODAY, translator(lang));
  const ok = (text: string, lang: Lang) => {
    const result = read(text, lang);
    if (!result.ok) throw new Error(result.message);
    return result.window;
  };

  it('GIVEN German THEN labels and phrases name the days, the month and the year in German', () => {
    const de = translator('de');
    expect(ok('next 60 days', 'de').label).toBe('die nächsten 60 Tage');
    expect(periodPhrase(ok('next 60 days', 'de').period, de)).toBe('in den nächsten 60 Tagen');
    expect(periodPhrase(ok('1 day', 'de').period, de)).toBe('bis morgen');
    expect(ok('2026-10', 'de').label).toBe('Oktober 2026');
    expect(periodPhrase(ok('next month', 'de').period, de)).toBe('im Dezember 2026');
    expect(periodPhrase(ok('2027', 'de').period, de)).toBe('im Jahr 2027');
  });

  it('GIVEN Czech and Japanese THEN the month is as Intl writes it and the days take their plural', () => {
    expect(ok('this month', 'cs').label).toBe('listopad 2026');
    expect(ok('next 3 days', 'cs').label).toBe('příští 3 dny');
    expect(ok('next 30 days', 'cs').label).toBe('příštích 30 dní');
    expect(periodPhrase(ok('2027', 'cs').period, translator('cs'))).toBe('v roce 2027');
    expect(ok('2027', 'ja').label).toBe('2027年');
    expect(ok('', 'ja').label).toBe('今後30日間');
  });

  it('GIVEN a period it cannot read, in any language THEN each period the message suggests is one it reads', () => {
    for (const lang of LANGS) {
      const result = parseWindow('soon', TODAY, translator(lang));
      const suggested = [...(result.ok ? '' : result.message).matchAll(/`([^`]+)`/g)].map(
        ([, period]) => period ?? '',
      );
      expect(suggested, lang).toEqual([
        'next 60 days',
        '2027',
        '2027-06',
        '2027 h1',
        'today',
        'this month',
        'next year',
      ]);
      for (const period of suggested) expect(parseWindow(period, TODAY).ok, `${lang}: ${period}`).toBe(true);
    }
  });

  it('GIVEN a period it cannot read THEN the message is in the reader language, the typed forms in the grammar', () => {
    const cs = read('soon', 'cs');
    expect(cs.ok || cs.message).toBe(
      '„soon“ není období, které znám. Zkuste `next 60 days`, `2027`, `2027-06`, `2027 h1`, `today`, `this month` nebo `next year`.',
    );
    const de = read('next 5000 days', 'de');
    expect(de.ok || de.message).toBe('Fragen Sie nach 1 bis 3660 Tagen im Voraus, z. B. `next 60 days`.');
    const ja = read('2027 turning 0', 'ja');
    expect(ja.ok || ja.message).toBe('周年は1から数えます（例：`anniversaries next year turning 50`）。');
  });
});
