import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type Milestone, PartnershipSchema } from '../../src/domain/partnership.ts';
import { deriveStatus, isCelebrated, STATUSES } from '../../src/domain/status.ts';

type MilestoneInput = Pick<Milestone, 'kind'> & Partial<Omit<Milestone, 'kind'>>;

function partnership(a: string, b: string, milestones: MilestoneInput[]) {
  return PartnershipSchema.parse({ id: `${a}--${b}`, cities: [a, b], milestones });
}

const PRAGUE = 'prague-cz';
const SHANGHAI = 'shanghai-cn';
const OSAKA = 'osaka-jp';
const SAN_FRANCISCO = 'san-francisco-us';
const A = 'aachen-de';
const B = 'reims-fr';

const day = (text: string) => Temporal.PlainDate.from(text);

describe('deriveStatus', () => {
  it('GIVEN a joint signing THEN the partnership and both sides are active', () => {
    const result = deriveStatus(partnership(A, B, [{ kind: 'signing', date: '1967-06-03' }]));
    expect(result.status).toBe('active');
    expect(result.sides).toEqual(['active', 'active']);
    expect(result.decisive?.kind).toBe('signing');
    expect(result.objection).toBeUndefined();
  });

  describe('unilateral acts (Prague–Shanghai)', () => {
    const pragueShanghai = partnership(PRAGUE, SHANGHAI, [
      { kind: 'signing', date: '2016-04' },
      { kind: 'termination', date: '2020-01-14', by: SHANGHAI },
    ]);

    it('GIVEN Shanghai alone terminates THEN the partnership is terminated on both sides', () => {
      const result = deriveStatus(pragueShanghai);
      expect(result.status).toBe('terminated');
      expect(result.sides).toEqual(['terminated', 'terminated']);
    });

    it('GIVEN Shanghai alone terminates THEN the decisive milestone names Shanghai as the actor, not Prague', () => {
      const result = deriveStatus(pragueShanghai);
      expect(result.decisive?.kind).toBe('termination');
      expect(result.decisive?.by).toBe(SHANGHAI);
      expect(result.objection).toBeUndefined();
    });

    it('GIVEN asOf a day before the termination THEN the partnership is still active', () => {
      const result = deriveStatus(pragueShanghai, day('2020-01-13'));
      expect(result.status).toBe('active');
      expect(result.decisive?.kind).toBe('signing');
    });

    it('GIVEN asOf the day of the termination THEN it is already terminated', () => {
      expect(deriveStatus(pragueShanghai, day('2020-01-14')).status).toBe('terminated');
    });

    it('GIVEN asOf before the signing month THEN there is no status', () => {
      const result = deriveStatus(pragueShanghai, day('2016-03-31'));
      expect(result.status).toBe('none');
      expect(result.sides).toEqual(['none', 'none']);
      expect(result.decisive).toBeUndefined();
    });
  });

  describe('objections (Osaka–San Francisco)', () => {
    const osakaSf = [
      { kind: 'signing', date: '1957-10-07' },
      { kind: 'termination', date: '2018-10-02', by: OSAKA },
      { kind: 'objection', date: '2018-10-04', by: SAN_FRANCISCO },
    ] satisfies MilestoneInput[];

    it('GIVEN Osaka terminates and San Francisco objects THEN the partnership is disputed', () => {
      expect(deriveStatus(partnership(OSAKA, SAN_FRANCISCO, osakaSf)).status).toBe('disputed');
    });

    it('GIVEN Osaka terminates and San Francisco objects THEN San Francisco keeps its prior stance (active) and Osaka is terminated', () => {
      const result = deriveStatus(partnership(OSAKA, SAN_FRANCISCO, osakaSf));
      expect(result.sides).toEqual(['terminated', 'active']);
    });

    it('GIVEN a dispute THEN the objection milestone is reported and the decisive one is the contested termination', () => {
      const result = deriveStatus(partnership(OSAKA, SAN_FRANCISCO, osakaSf));
      expect(result.objection?.kind).toBe('objection');
      expect(result.objection?.by).toBe(SAN_FRANCISCO);
      expect(result.decisive?.kind).toBe('termination');
      expect(result.decisive?.by).toBe(OSAKA);
    });

    it('GIVEN asOf between the termination and the objection THEN it is terminated, not yet disputed', () => {
      const result = deriveStatus(partnership(OSAKA, SAN_FRANCISCO, osakaSf), day('2018-10-03'));
      expect(result.status).toBe('terminated');
      expect(result.objection).toBeUndefined();
    });

    it('GIVEN a later joint renewal THEN the dispute is cleared and both sides are active', () => {
      const result = deriveStatus(
        partnership(OSAKA, SAN_FRANCISCO, [...osakaSf, { kind: 'renewal', date: '2023-05-01' }]),
      );
      expect(result.status).toBe('active');
      expect(result.sides).toEqual(['active', 'active']);
      expect(result.objection).toBeUndefined();
      expect(result.decisive?.kind).toBe('renewal');
    });
  });

  describe('council decisions', () => {
    it('GIVEN a proposal and then one council rejects it THEN the partnership is rejected', () => {
      const result = deriveStatus(
        partnership(A, B, [
          { kind: 'proposal', date: '2019-03' },
          { kind: 'council_rejection', date: '2019-06-12', by: B },
        ]),
      );
      expect(result.status).toBe('rejected');
      expect(result.decisive?.by).toBe(B);
    });

    it('GIVEN a joint proposal and only one council approves THEN the sides differ, the status is proposed, not disputed', () => {
      const result = deriveStatus(
        partnership(A, B, [
          { kind: 'proposal', date: '2019-03' },
          { kind: 'council_approval', date: '2019-06-12', by: A },
        ]),
      );
      expect(result.sides).toEqual(['approved', 'proposed']);
      expect(result.status).toBe('proposed');
      expect(result.objection).toBeUndefined();
    });

    it('GIVEN only one council approves and the other side has no stance THEN the status is approved, not disputed', () => {
      const result = deriveStatus(
        partnership(A, B, [{ kind: 'council_approval', date: '2019-06-12', by: A }]),
      );
      expect(result.sides).toEqual(['approved', 'none']);
      expect(result.status).toBe('approved');
    });

    it('GIVEN both councils approve THEN the status is approved', () => {
      const result = deriveStatus(
        partnership(A, B, [
          { kind: 'proposal', date: '2019-03' },
          { kind: 'council_approval', date: '2019-06-12', by: A },
          { kind: 'council_approval', date: '2019-07-01', by: B },
        ]),
      );
      expect(result.sides).toEqual(['approved', 'approved']);
      expect(result.status).toBe('approved');
    });
  });

  it('GIVEN a suspension and then a resumption THEN the partnership is active again', () => {
    const suspended = [
      { kind: 'signing', date: '1990-05-01' },
      { kind: 'suspension', date: '2022-03-01', by: A },
    ] satisfies MilestoneInput[];
    expect(deriveStatus(partnership(A, B, suspended)).status).toBe('suspended');
    const resumed = deriveStatus(partnership(A, B, [...suspended, { kind: 'resumption', date: '2024-09' }]));
    expect(resumed.status).toBe('active');
    expect(resumed.sides).toEqual(['active', 'active']);
  });

  it('GIVEN a phase-out THEN the partnership is phasing out', () => {
    const result = deriveStatus(
      partnership(A, B, [
        { kind: 'signing', date: '1990-05-01' },
        { kind: 'phase_out', date: '2021', by: B },
      ]),
    );
    expect(result.status).toBe('phasing_out');
  });

  it('GIVEN an undated signing followed by a dated phase-out (Borlänge–Wuhan) THEN the partnership is phasing out', () => {
    const result = deriveStatus(
      partnership('borlange-se', 'wuhan-cn', [
        { kind: 'signing' },
        { kind: 'phase_out', date: '2020-06', by: 'borlange-se' },
      ]),
    );
    expect(result.status).toBe('phasing_out');
    expect(result.sides).toEqual(['phasing_out', 'phasing_out']);
  });

  it('GIVEN an undated signing only THEN the partnership is active', () => {
    expect(deriveStatus(partnership(A, B, [{ kind: 'signing' }])).status).toBe('active');
  });

  it('GIVEN only a historic tie THEN there is no status', () => {
    const result = deriveStatus(
      partnership('le-mans-fr', 'paderborn-de', [{ kind: 'historic_tie', date: '0836' }]),
    );
    expect(result.status).toBe('none');
    expect(result.decisive).toBeUndefined();
  });

  it('GIVEN a historic tie followed by a signing THEN the partnership is active and the signing is decisive', () => {
    const result = deriveStatus(
      partnership('le-mans-fr', 'paderborn-de', [
        { kind: 'historic_tie', date: '0836' },
        { kind: 'signing', date: '1967-06-03' },
      ]),
    );
    expect(result.status).toBe('active');
    expect(result.decisive?.kind).toBe('signing');
  });
});

describe('isCelebrated', () => {
  it('GIVEN active or disputed THEN the partnership is celebrated', () => {
    expect(isCelebrated('active')).toBe(true);
    expect(isCelebrated('disputed')).toBe(true);
  });

  it('GIVEN any other status THEN it is not celebrated', () => {
    const others = [...STATUSES, 'none' as const].filter((s) => s !== 'active' && s !== 'disputed');
    expect(others).toHaveLength(7);
    for (const status of others) expect(isCelebrated(status), status).toBe(false);
  });
});
