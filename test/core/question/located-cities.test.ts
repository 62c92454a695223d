import { describe, expect, it } from 'vitest';
import { onShippedData } from './question-reader.ts';

/**
 * A name after a city that says where it is, its province or a city near it, is part of the place:
 * the question is about the first city alone, never the agreement between the two.
 */
describe('a city located by its region or a city near it', () => {
  const { read, expectRun } = onShippedData();
  const partners = (city: string) => ({ command: 'partners', args: { city } });
  const partnersIn = (city: string, country: string) => ({ command: 'partners', args: { city, country } });

  it('GIVEN a city, then its province, canton or prefecture, in any language THEN the partners of that city', () => {
    expectRun('Quelles sont les villes jumelles de Spa, province de Liège ?', partners('spa-be'));
    expectRun('Quelles sont les villes jumelles de Malines, province d’Anvers ?', partners('mechelen-be'));
    expectRun('Sister cities of Spa in the province of Liège?', partners('spa-be'));
    expectRun('Partnerstädte von Winterthur im Kanton Zürich', partners('winterthur-ch'));
    expectRun(
      'Quelles sont les villes jumelles de Winterthour dans le canton de Zurich ?',
      partners('winterthur-ch'),
    );
    expectRun('Sister cities of Takaoka in Toyama Prefecture', partners('takaoka-jp'));
    expectRun('Sister cities of Kitakami, Iwate Prefecture', partners('kitakami-jp'));
    expectRun(
      'Quelles sont les villes jumelles de Kitakami dans la préfecture d’Iwate ?',
      partners('kitakami-jp'),
    );
    expectRun('Ciudades hermanas de Elche en la provincia de Alicante', partners('elche-es'));
    expectRun('Partnerská města Winterthuru v kantonu Curych', partners('winterthur-ch'));
  });

  it('GIVEN a city "in" a region named like a city (a French department), or with one in brackets THEN the partners of that city', () => {
    expectRun('Quelles sont les villes jumelles de Poitiers, dans la Vienne ?', partners('poitiers-fr'));
    expectRun('Quelles sont les villes jumelles de Châtellerault (Vienne) ?', partners('chatellerault-fr'));
    expectRun('Quelles sont les villes jumelles de Nancy en Lorraine ?', partners('nancy-fr'));
    expectRun('Quelles sont les villes jumelles de Huy (Liège) ?', partners('huy-be'));
    expectRun('Sister cities of Takaoka (Toyama)', partners('takaoka-jp'));
    // Two Lavals: the one nearest the town the department is named after.
    expectRun('Quelles sont les villes jumelles de Laval en Mayenne ?', partners('laval-fr'));
  });

  it('GIVEN a name after "in" read with a letter wrong ("ve Franii") THEN it is not taken for a region: nothing is answered', () => {
    expect(read('Partnerská města: Orléans ve Franii').sure).toBe(false);
    expect(read('Partnerská města: Brest ve Frncii').sure).toBe(false);
  });

  it('GIVEN a city "in" a country, its name in a case form THEN the country still narrows the partners', () => {
    expectRun('Která partnerská města má Praha v Polsku?', partnersIn('prague-cz', 'PL'));
    expectRun('Partnerská města Buffala v Polsku', partnersIn('buffalo-us', 'PL'));
    // "Panamě" is also a form of "Paname", an other name of Paris's.
    expectRun('Má Praha partnerské město v Panamě?', { ...partnersIn('prague-cz', 'PA'), asks: 'any' });
    expectRun('Která partnerská města má Praha v Mexiku?', partnersIn('prague-cz', 'MX'));
  });

  it('GIVEN a city, then a country it is not in where a namesake of its is THEN with a comma or brackets the namesake; with "in" both readings are offered, neither answered', () => {
    expectRun('Quelles sont les villes jumelles de Londres, Canada ?', partners('london-ca'));
    expectRun('Quelles sont les villes jumelles de Londres (Canada) ?', partners('london-ca'));
    const both = read('Quelles sont les villes jumelles de Londres au Canada ?');
    expect(both.sure).toBe(false);
    expect(both.sure ? [] : both.closest).toEqual([partnersIn('london-gb', 'CA'), partners('london-ca')]);
    // No Prague in China: the country only narrows the partners.
    expectRun('Partner cities of Prague in China', partnersIn('prague-cz', 'CN'));
  });

  it('GIVEN a city near another THEN the partners of the first, the namesake nearest the other when there are several', () => {
    expectRun("Quelles sont les villes jumelles de Sakai près d'Osaka ?", partners('sakai-jp'));
    expectRun('Partnerstädte von Yokohama bei Tokio', partners('yokohama-jp'));
    expectRun('Ciudades hermanas de Versalles cerca de París', partners('versailles-fr'));
    expectRun('Partner cities of Frankfurt near Berlin', partners('frankfurt-oder-de'));
    expectRun('Partnerstädte von Frankfurt bei Berlin', partners('frankfurt-oder-de'));
    expectRun('Partner cities of Frankfurt', partners('frankfurt-am-main-de'));
  });

  it('GIVEN two cities joined by "and", or a located city and another THEN the agreement between the two asked about', () => {
    expectRun('Are Sakai and Osaka twinned?', {
      command: 'agreement',
      args: { city: 'sakai-jp', with: 'osaka-jp' },
      asks: 'in-force',
    });
    // "Canton" is a word for a region and Guangzhou's French name.
    expectRun('Parle-moi du jumelage Lyon – Canton', {
      command: 'agreement',
      args: { city: 'lyon-fr', with: 'guangzhou-cn' },
    });
    expectRun('Is Sakai near Osaka twinned with Berkeley?', {
      command: 'agreement',
      args: { city: 'sakai-jp', with: 'berkeley-us' },
      asks: 'in-force',
    });
  });
});
