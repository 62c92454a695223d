import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Milestone, Partnership } from '../../src/domain/partnership.ts';
import { type StoreData, StoreSchema } from '../../src/store/schema.ts';

const SEED_PATH = new URL('../../data/seed.json', import.meta.url);

function loadSeed(): StoreData {
  return StoreSchema.parse(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
}

const seed = loadSeed();

function partnership(a: string, b: string): Partnership {
  const id = a < b ? `${a}--${b}` : `${b}--${a}`;
  const found = seed.partnerships.find((p) => p.id === id);
  if (!found) throw new Error(`the seed has no partnership ${id}`);
  return found;
}

function only(p: Partnership, kind: Milestone['kind']): Milestone {
  const matches = p.milestones.filter((m) => m.kind === kind);
  expect(matches, `${p.id} should have exactly one ${kind}`).toHaveLength(1);
  return matches[0] as Milestone;
}

function last(p: Partnership): Milestone {
  const milestone = p.milestones.at(-1);
  if (!milestone) throw new Error(`${p.id} has no milestones`);
  return milestone;
}

function city(id: string) {
  const found = seed.cities.find((c) => c.id === id);
  if (!found) throw new Error(`the seed has no city ${id}`);
  return found;
}

describe('data/seed.json', () => {
  describe('format', () => {
    it('GIVEN the seed file THEN StoreSchema accepts it', () => {
      const result = StoreSchema.safeParse(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
      expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
    });

    it('GIVEN the seed THEN it is version 1 with default settings and an empty audit log', () => {
      expect(seed.version).toBe(1);
      expect(seed.settings).toEqual({ feb29: 'feb28', staff: [] });
      expect(seed.audit).toEqual([]);
    });

    it('GIVEN any milestone THEN it cites at least one source of its partnership', () => {
      for (const p of seed.partnerships) {
        const ids = new Set(p.sources.map((s) => s.id));
        for (const m of p.milestones) {
          expect(m.sources.length, `${p.id} ${m.kind} ${m.date ?? '(undated)'}`).toBeGreaterThan(0);
          for (const ref of m.sources) expect(ids.has(ref), `${p.id} cites ${ref}`).toBe(true);
        }
      }
    });

    it('GIVEN any source THEN it has a title and an http(s) url', () => {
      for (const p of seed.partnerships) {
        for (const s of p.sources) {
          expect(s.title.trim(), `${p.id} ${s.id}`).not.toBe('');
          expect(s.url, `${p.id} ${s.id}`).toMatch(/^https?:\/\//);
        }
      }
    });

    it('GIVEN any city THEN it has a time zone and at least one tagged name', () => {
      for (const c of seed.cities) {
        expect(c.timeZone, c.id).toBeDefined();
        expect(c.names.length, c.id).toBeGreaterThan(0);
        for (const n of c.names) expect(n.lang, `${c.id} ${n.name}`).toBeDefined();
      }
    });

    it('GIVEN any unilateral act THEN it names one of the two cities of its partnership', () => {
      for (const p of seed.partnerships) {
        for (const m of p.milestones) if (m.by !== undefined) expect(p.cities).toContain(m.by);
      }
    });

    it('GIVEN any objection THEN it comes after an act of the other city and says why', () => {
      for (const p of seed.partnerships) {
        p.milestones.forEach((m, i) => {
          if (m.kind !== 'objection') return;
          expect(m.reason, `${p.id} objection`).toBeDefined();
          const earlier = p.milestones.slice(0, i);
          expect(earlier.some((e) => e.by !== undefined && e.by !== m.by)).toBe(true);
        });
      }
    });
  });

  describe('Prague', () => {
    it('GIVEN Prague THEN it is known as Praha in Czech and Prag in German', () => {
      const prague = city('prague-cz');
      expect(prague.wikidata).toBe('Q1085');
      expect(prague.names).toContainEqual({ name: 'Praha', lang: 'cs', kind: 'native' });
      expect(prague.names).toContainEqual({ name: 'Prag', lang: 'de', kind: 'exonym' });
    });

    it('GIVEN the seed THEN Prague and Shanghai signed on 2017-05-17 in Shanghai', () => {
      const signing = only(partnership('prague-cz', 'shanghai-cn'), 'signing');
      expect(signing.date).toBe('2017-05-17');
      expect(signing.place).toBe('Shanghai');
      expect(signing.by).toBeUndefined();
    });

    it('GIVEN the seed THEN Shanghai, not Prague, ended the Prague–Shanghai tie on 2020-01-14', () => {
      const p = partnership('prague-cz', 'shanghai-cn');
      const termination = only(p, 'termination');
      expect(termination.by).toBe('shanghai-cn');
      expect(termination.date).toBe('2020-01-14');
      expect(termination.reason).toBeDefined();
      expect(p.milestones.filter((m) => m.by === 'prague-cz')).toEqual([]);
      expect(last(p)).toBe(termination);
    });

    it('GIVEN the seed THEN Prague and Taipei signed on 2020-01-13 at the Old Town Hall, replacing a 2001 memorandum', () => {
      const p = partnership('prague-cz', 'taipei-tw');
      const signing = only(p, 'signing');
      expect(signing.date).toBe('2020-01-13');
      expect(signing.place).toMatch(/Old Town Hall/);
      const mou = only(p, 'mou');
      expect(mou.date).toBe('2001');
      expect(p.milestones.indexOf(mou)).toBeLessThan(p.milestones.indexOf(signing));
      expect(last(p)).toBe(signing);
    });

    it('GIVEN the seed THEN Shanghai ended its tie the day after Prague signed with Taipei', () => {
      const taipei = only(partnership('prague-cz', 'taipei-tw'), 'signing').date;
      const shanghai = only(partnership('prague-cz', 'shanghai-cn'), 'termination').date;
      expect([taipei, shanghai]).toEqual(['2020-01-13', '2020-01-14']);
    });

    it('GIVEN Taipei THEN its traditional and simplified Chinese names are both known', () => {
      const taipei = city('taipei-tw');
      expect(taipei.names).toContainEqual({ name: '臺北市', lang: 'zh-Hant', kind: 'native' });
      expect(taipei.names).toContainEqual({ name: '台北', lang: 'zh-Hans', kind: 'alias' });
    });
  });

  describe('Paderborn – Le Mans', () => {
    it('GIVEN the seed THEN the dioceses have been tied since 836, with year precision', () => {
      const tie = only(partnership('paderborn-de', 'le-mans-fr'), 'historic_tie');
      expect(tie.date).toBe('0836');
    });

    it('GIVEN the seed THEN the twinning was proclaimed in Le Mans on 1967-06-03 and anniversaries count from it', () => {
      const p = partnership('paderborn-de', 'le-mans-fr');
      const signing = only(p, 'signing');
      expect(signing.date).toBe('1967-06-03');
      expect(signing.place).toBe('Le Mans');
      const firstSigning = p.milestones.find((m) => m.kind === 'signing' && m.date !== undefined);
      expect(firstSigning).toBe(signing);
      expect(p.milestones.some((m) => m.anniversary)).toBe(false);
    });
  });

  describe('Concord', () => {
    it('GIVEN the seed THEN Concord (California) and Kitakami have been sister cities since October 1974', () => {
      const p = partnership('concord-california-us', 'kitakami-jp');
      expect(p.type).toBe('sister_city');
      expect(only(p, 'signing').date).toBe('1974-10');
      expect(city('concord-california-us').region).toBe('California');
      const kitakami = city('kitakami-jp');
      expect(kitakami.region).toBe('Iwate');
      expect(kitakami.names).toContainEqual({ name: '北上市', lang: 'ja', kind: 'native' });
    });

    it('GIVEN the seed THEN more than one real city is called Concord, told apart by region', () => {
      const concords = seed.cities.filter((c) => c.name === 'Concord');
      expect(concords.length).toBeGreaterThanOrEqual(2);
      const regions = concords.map((c) => c.region);
      expect(new Set(regions).size).toBe(concords.length);
      expect(regions).toContain('California');
      expect(regions).toContain('Massachusetts');
    });

    it('GIVEN the seed THEN Concord (Massachusetts) has its own partner, Nanae, signed on 1997-11-15', () => {
      const p = partnership('concord-massachusetts-us', 'nanae-jp');
      expect(only(p, 'signing').date).toBe('1997-11-15');
    });
  });

  describe('Gyöngyös – Shusha', () => {
    it('GIVEN the seed THEN the towns were twinned in May 2013', () => {
      expect(only(partnership('gyongyos-hu', 'shusha-az'), 'signing').date).toBe('2013-05');
      expect(city('shusha-az').names).toContainEqual({ name: 'Şuşa', lang: 'az', kind: 'native' });
    });
  });

  describe('Preston – Nablus', () => {
    it('GIVEN the seed THEN the 2003 proposal was rejected by Preston City Council on 2003-10-30 and never became active', () => {
      const p = partnership('preston-gb', 'nablus-ps');
      expect(only(p, 'proposal').date).toBe('2003');
      const rejection = only(p, 'council_rejection');
      expect(rejection.by).toBe('preston-gb');
      expect(rejection.date).toBe('2003-10-30');
      expect(last(p)).toBe(rejection);
      const activating = ['signing', 'mou', 'renewal', 'resumption'];
      expect(p.milestones.filter((m) => activating.includes(m.kind))).toEqual([]);
    });
  });

  describe('Borlänge – Wuhan', () => {
    it('GIVEN the seed THEN the start date is unknown and Borlänge announced the phase-out on 2019-10-16', () => {
      const p = partnership('borlange-se', 'wuhan-cn');
      const signing = only(p, 'signing');
      expect(signing.date).toBeUndefined();
      expect(signing.note).toMatch(/not recorded/);
      const phaseOut = only(p, 'phase_out');
      expect(phaseOut.by).toBe('borlange-se');
      expect(phaseOut.date).toBe('2019-10-16');
      expect(last(p)).toBe(phaseOut);
    });
  });

  describe('San Francisco – Osaka', () => {
    it('GIVEN the seed THEN the cities have been sister cities since 1957', () => {
      const p = partnership('san-francisco-us', 'osaka-jp');
      expect(only(p, 'signing').date?.slice(0, 4)).toBe('1957');
      expect(city('osaka-jp').region).toBe('Osaka');
      expect(city('san-francisco-us').region).toBe('California');
    });

    it('GIVEN the seed THEN Osaka ended the tie alone over the comfort women memorial and San Francisco objected', () => {
      const p = partnership('san-francisco-us', 'osaka-jp');
      const termination = only(p, 'termination');
      expect(termination.by).toBe('osaka-jp');
      expect(['2017-12-13', '2018-10-02']).toContain(termination.date);
      expect(termination.reason).toMatch(/comfort women/);
      const objection = only(p, 'objection');
      expect(objection.by).toBe('san-francisco-us');
      expect(objection.date?.startsWith('2018-10')).toBe(true);
      expect(objection.reason).toMatch(/unilaterally/);
      expect(last(p)).toBe(objection);
    });
  });

  describe('Rotterdam – Istanbul', () => {
    it('GIVEN the seed THEN the 2005-06-24 protocol made the tie active until Istanbul ended it on 2017-03-15', () => {
      const p = partnership('rotterdam-nl', 'istanbul-tr');
      const start = p.milestones.find((m) => m.kind === 'signing' || m.kind === 'mou');
      expect(start?.date).toBe('2005-06-24');
      const termination = only(p, 'termination');
      expect(termination.by).toBe('istanbul-tr');
      expect(termination.date).toBe('2017-03-15');
    });

    it('GIVEN the seed THEN Rotterdam objects that there was no formal bond', () => {
      const p = partnership('rotterdam-nl', 'istanbul-tr');
      const objection = only(p, 'objection');
      expect(objection.by).toBe('rotterdam-nl');
      expect(objection.reason).toMatch(/no formal/);
      expect(last(p)).toBe(objection);
      expect(city('istanbul-tr').names).toContainEqual({ name: 'İstanbul', lang: 'tr', kind: 'native' });
    });
  });

  describe('Rzeszów', () => {
    it('GIVEN the seed THEN Rzeszów keeps its diacritic and has sourced partners', () => {
      expect(city('rzeszow-pl').name).toBe('Rzeszów');
      expect(only(partnership('rzeszow-pl', 'buffalo-us'), 'signing').date).toBe('1975-06-02');
      expect(only(partnership('rzeszow-pl', 'klagenfurt-at'), 'signing').date).toBe('1975-02-04');
    });
  });
});
