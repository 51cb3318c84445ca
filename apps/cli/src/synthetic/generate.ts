/**
 * Synthetic intake data for benchmarks and demos: claims with their families, flags, clocks' inputs,
 * statuses and officers, deterministic for a seed. Names come from faker (es_MX for Spanish-speaking
 * nationalities, fr for Haiti) sampled into pools once, then picked with a small seeded PRNG (faker
 * per row would be ten times slower). Shapes follow COMAR's published statistics:
 *  - lodging dates over the ten years before `today`, weighted by COMAR's yearly applications;
 *  - the nationality mix of each period (Honduras, Haiti, Cuba, Venezuela, El Salvador, Guatemala…);
 *  - outcomes: most old claims end abandoned or withdrawn (70–80 %), about 70 % of decided ones are
 *    positive; recent claims are mostly still open, and a backlog of older ones stays open.
 * Nothing here touches the database: see load.ts.
 */
import type { Faker } from '@faker-js/faker';
import { OPEN_STATUSES, SENSITIVE_CATEGORIES, type ClaimStatus } from '@refugio/domain';

export type Rng = () => number;

/** sfc32: fast, seedable, good enough for synthetic data. */
export function rngFor(...seeds: number[]): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  for (const s of seeds) {
    a ^= s | 0;
    b ^= Math.imul(s | 0, 0x85ebca6b);
    c ^= Math.imul((s / 4294967296) | 0, 0xc2b2ae35);
  }
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-4-shaped UUID from the PRNG (deterministic for a seed, unlike crypto.randomUUID). */
export function uuidFrom(rng: Rng): string {
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const n = Math.floor(rng() * 4294967296);
    b.push(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  }
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** Skewed pick: the first entries far more often (surnames are Zipf-like). */
function pickSkewed<T>(rng: Rng, list: readonly T[]): T {
  const u = rng();
  return list[Math.floor(list.length * u * u)]!;
}

function weighted<T extends string>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let u = rng() * total;
  for (const [value, w] of table) {
    u -= w;
    if (u <= 0) return value;
  }
  return table.at(-1)![0];
}

// ---------------------------------------------------------------------------------------------
// Shapes from COMAR's published statistics: applications per year, top nationalities, outcomes

/** COMAR applications (persons) per year; 2025–2026 assumed near 2024. */
export const APPLICATIONS_PER_YEAR: Record<number, number> = {
  2013: 1296, 2014: 2137, 2015: 3423, 2016: 8796, 2017: 14619, 2018: 29500, 2019: 70300, 2020: 41000,
  2021: 130000, 2022: 119000, 2023: 140800, 2024: 78975, 2025: 80000, 2026: 80000,
};

type Nationality = 'HND' | 'HTI' | 'CUB' | 'VEN' | 'SLV' | 'GTM' | 'NIC' | 'COL' | 'ECU' | 'OTHER';

/** Nationality of the principal by lodging year (COMAR's 2023 and 2024 top nationalities; earlier years Central American-led). */
function nationalityMix(year: number): ReadonlyArray<readonly [Nationality, number]> {
  if (year <= 2018) return [['HND', 45], ['SLV', 24], ['GTM', 8], ['VEN', 11], ['CUB', 3], ['HTI', 2], ['NIC', 4], ['COL', 1], ['ECU', 1], ['OTHER', 1]];
  if (year <= 2020) return [['HND', 40], ['HTI', 10], ['CUB', 15], ['VEN', 12], ['SLV', 10], ['GTM', 5], ['NIC', 3], ['COL', 2], ['ECU', 1], ['OTHER', 2]];
  if (year <= 2023) return [['HTI', 34], ['HND', 32], ['CUB', 14], ['SLV', 5], ['GTM', 5], ['VEN', 4], ['NIC', 2], ['COL', 1], ['ECU', 1], ['OTHER', 2]];
  return [['HND', 35], ['CUB', 22], ['HTI', 14], ['SLV', 7], ['VEN', 7], ['GTM', 5], ['COL', 3], ['NIC', 2], ['ECU', 2], ['OTHER', 3]];
}

const OTHER_COUNTRIES = ['AFG', 'CMR', 'SEN', 'GHA', 'IND', 'SYR', 'PER', 'BRA'] as const;

// A few names typical of each country, mixed with faker's Mexican Spanish pools.
const LOCAL_GIVEN: Partial<Record<Nationality, { female: string[]; male: string[] }>> = {
  HND: { female: ['Dilcia', 'Yesenia', 'Wendy', 'Nahomy', 'Iris', 'Reina', 'Suyapa', 'Glenda', 'Karla Yamileth'], male: ['Brayan', 'Josué', 'Elvin', 'Marvin', 'Fredy', 'Kevin Alexander', 'Nelson', 'Wilmer'] },
  CUB: { female: ['Yaimara', 'Yuleisy', 'Odalys', 'Belkis', 'Yanelis', 'Dayana', 'Yudith'], male: ['Yoandri', 'Yunior', 'Yasmany', 'Osmel', 'Yordanis', 'Reinier', 'Alexei'] },
  VEN: { female: ['Yorgelis', 'Génesis', 'Rosmary', 'Yusmary', 'Oriana', 'Daniela'], male: ['Jhonny', 'Yeferson', 'Deivis', 'Wuilmer', 'Jesús Alberto', 'Anyelo'] },
  SLV: { female: ['Roxana', 'Xiomara', 'Jennifer', 'Marisol', 'Gloria Esperanza'], male: ['Walter', 'Edwin', 'René', 'Nelson Ernesto', 'Santos'] },
  GTM: { female: ['Ixchel', 'Rosaura', 'Lesbia', 'Floridalma', 'Hilda'], male: ['Byron', 'Selvin', 'Edgar', 'Otoniel', 'Rigoberto'] },
};
const LOCAL_SURNAMES: Partial<Record<Nationality, string[]>> = {
  HND: ['Zelaya', 'Banegas', 'Mejía', 'Murillo', 'Cárcamo', 'Maradiaga', 'Rápalo', 'Bonilla', 'Padilla', 'Andino'],
  SLV: ['Portillo', 'Orellana', 'Alvarenga', 'Henríquez', 'Menjívar', 'Rivas', 'Argueta'],
  GTM: ['Xicará', 'Tzul', 'Coyoy', 'Ajanel', 'Chitay', 'Pérez', 'Quiej'],
  CUB: ['Rodríguez', 'Hernández', 'Pérez', 'Fonseca', 'Cárdenas', 'Quesada', 'Betancourt'],
  VEN: ['Rondón', 'Colmenares', 'Briceño', 'Guanipa', 'Piñango', 'Urdaneta'],
};
const HAITIAN_GIVEN = {
  female: ['Marie', 'Marie Carmel', 'Nadège', 'Widlene', 'Mirlande', 'Guerline', 'Roseline', 'Fabienne', 'Esther', 'Jésula', 'Sabine', 'Nathalie', 'Lovelie', 'Darline'],
  male: ['Jean', 'Jean Robert', 'Wilner', 'Mackenson', 'Jean-Baptiste', 'Frantz', 'Jocelyn', 'Wisner', 'Ronald', 'Evens', 'Kervens', 'Stevenson', 'Dieuseul', 'Peterson'],
};
const HAITIAN_SURNAMES = ['Joseph', 'Pierre', 'Jean', 'Louis', 'Charles', 'Baptiste', 'Toussaint', 'Desir', 'Dorvil', 'Etienne',
  'Saint-Fleur', 'Michel', 'François', 'Augustin', 'Célestin', 'Jean-Baptiste', 'Alexis', 'Noël', 'Philippe', 'Dorcéus', 'Exantus',
  'Cadet', 'Volcy', 'Lafortune', 'Petit-Frère', 'Ulysse', 'Georges', 'Dieujuste', 'Fils-Aimé', 'Jeune', 'Bélizaire', 'Théodore'];
const OTHER_GIVEN = { female: ['Fatima', 'Amina', 'Aïssatou', 'Mariam', 'Priya', 'Grace'], male: ['Mohamed', 'Ahmed', 'Youssef', 'Abdul', 'Mamadou', 'Ibrahim', 'Raj', 'Emmanuel'] };
const OTHER_SURNAMES = ['Haddad', 'Al-Hassan', 'Rahimi', 'Ahmadi', 'Diallo', 'Traoré', 'Diop', 'Mensah', 'Nkomo', 'Singh', 'Kaur', 'Ndiaye'];

function unique(n: number, f: () => string): string[] {
  return [...new Set(Array.from({ length: n }, f))];
}

export interface NamePools {
  hispanicFemale: string[];
  hispanicMale: string[];
  hispanicSurnames: string[];
  frenchFemale: string[];
  frenchMale: string[];
}

/** Names sampled from faker once (seeded): es_MX for Spanish-speaking countries, fr for Haiti. */
export function buildNamePools(es: Faker, fr: Faker, seed: number): NamePools {
  es.seed(seed);
  fr.seed(seed + 1);
  return {
    hispanicFemale: unique(600, () => es.person.firstName('female')),
    hispanicMale: unique(600, () => es.person.firstName('male')),
    // es_MX lastName() is already both surnames ("Juárez Piña", "Arteaga de Alonso"): keep each
    // capitalised word as one surname, so a person gets two, not four.
    hispanicSurnames: [...new Set(Array.from({ length: 1500 }, () => es.person.lastName())
      .flatMap((full) => full.split(/\s+/))
      .filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word)))],
    frenchFemale: unique(200, () => fr.person.firstName('female')),
    frenchMale: unique(200, () => fr.person.firstName('male')),
  };
}

// ---------------------------------------------------------------------------------------------

export type Sex = 'female' | 'male';
export type Relation = 'principal' | 'spouse' | 'partner' | 'child' | 'stepchild' | 'parent' | 'sibling' | 'other_relative';
export type Channel = 'comar_office' | 'inm_referral' | 'detention_centre' | 'third_party';
export type Status = ClaimStatus;
export type Outcome = 'recognised' | 'complementary' | 'rejected';

export interface SyntheticPerson {
  id: string;
  givenNames: string;
  firstSurname: string | null;
  secondSurname: string | null;
  sex: Sex;
  birthDate: string;
  birthDateEstimated: boolean;
  nationalities: string[];
  languages: string[];
  needsInterpreter: boolean;
  phone: string | null;
  documents: string; // JSON array
  /** A re-registration of an earlier person (accents dropped, surnames swapped or DOB ±1 day). */
  nearDuplicate: boolean;
}

export interface SyntheticMember {
  person: SyntheticPerson;
  relation: Relation;
  unaccompanied: boolean;
}

export interface SyntheticFlag {
  personId: string;
  category: 'child' | 'unaccompanied_child' | 'disability' | 'elderly' | 'pregnant' | 'single_parent' | 'trafficking'
    | 'serious_illness' | 'mental_disorder' | 'violence_survivor' | 'lgbtiq';
  indicator: string;
  sensitive: boolean;
  derived: boolean;
}

export interface SyntheticClaim {
  id: string;
  officeIndex: number;
  year: number;
  channel: Channel;
  modality: 'regular' | 'prioritised' | 'accelerated';
  status: Status;
  outcome: Outcome | null;
  lodgedAt: string; // ISO instant
  lodgedOn: string; // civil date in Mexico City
  enteredMexicoOn: string | null;
  protectionExpressedAt: string | null;
  closedAt: string | null;
  officerIndex: number | null;
  members: SyntheticMember[];
  flags: SyntheticFlag[];
}

const DAY_MS = 86_400_000;
const OPEN: readonly Status[] = OPEN_STATUSES;
export const SENSITIVE = new Set<string>(SENSITIVE_CATEGORIES);

export function isOpen(status: Status): boolean {
  return OPEN.includes(status);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function nextDay(iso: string): string {
  return isoDate(Date.parse(`${iso}T00:00:00Z`) + DAY_MS);
}

function dropAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The lodging day of claim `i` of `n`: the inverse of the cumulative yearly weights over the ten
 * years before `today`, so a load is chronological (claim numbers follow the lodging order).
 */
export function lodgingTimeline(today: string, years = 10) {
  const end = Date.parse(`${today}T00:00:00Z`);
  const start = Date.parse(`${Number(today.slice(0, 4)) - years}${today.slice(4)}T00:00:00Z`);
  const segments: Array<{ from: number; to: number; weight: number }> = [];
  for (let y = Number(today.slice(0, 4)) - years; y <= Number(today.slice(0, 4)); y++) {
    const from = Math.max(start, Date.UTC(y, 0, 1));
    const to = Math.min(end, Date.UTC(y + 1, 0, 1));
    if (to <= from) continue;
    const perYear = APPLICATIONS_PER_YEAR[y] ?? 80000;
    segments.push({ from, to, weight: (perYear * (to - from)) / (365 * DAY_MS) });
  }
  const total = segments.reduce((s, x) => s + x.weight, 0);
  return (u: number): number => {
    let left = u * total;
    for (const s of segments) {
      if (left <= s.weight) return s.from + ((s.to - s.from) * left) / s.weight;
      left -= s.weight;
    }
    return end - 1;
  };
}

export interface GeneratorSetup {
  seed: number;
  today: string;
  /** Claims in this load: their lodging days spread over the ten years in order. */
  total: number;
  /** Weights of the offices (index into the caller's office list). */
  officeWeights: readonly number[];
  officersPerOffice: readonly number[];
  pools: NamePools;
}

/** Generates claims [from, from + count) of a load; the same seed and indices give the same claims. */
export function generateBatch(setup: GeneratorSetup, from: number, count: number): SyntheticClaim[] {
  const rng = rngFor(setup.seed, from, 0x5eed);
  const at = lodgingTimeline(setup.today);
  const todayMs = Date.parse(`${setup.today}T00:00:00Z`);
  const nowMs = Date.now();
  const offices = setup.officeWeights.map((w, i) => [String(i), w] as const);
  const claims: SyntheticClaim[] = [];
  let previousPrincipal: SyntheticPerson | null = null;

  const personName = (nat: Nationality, sex: Sex, surnames?: { first: string | null; second: string | null }) => {
    const p = setup.pools;
    if (nat === 'HTI') {
      const given = rng() < 0.6 ? pick(rng, HAITIAN_GIVEN[sex]) : pick(rng, sex === 'female' ? p.frenchFemale : p.frenchMale);
      return { givenNames: given, firstSurname: surnames?.first ?? pickSkewed(rng, HAITIAN_SURNAMES), secondSurname: null };
    }
    if (nat === 'OTHER') {
      return { givenNames: pick(rng, OTHER_GIVEN[sex]), firstSurname: surnames?.first ?? pick(rng, OTHER_SURNAMES), secondSurname: null };
    }
    const local = LOCAL_GIVEN[nat];
    let given = local && rng() < 0.3 ? pick(rng, local[sex]) : pick(rng, sex === 'female' ? p.hispanicFemale : p.hispanicMale);
    if (!given.includes(' ') && rng() < 0.35) given += ` ${pick(rng, sex === 'female' ? p.hispanicFemale : p.hispanicMale)}`;
    const surname = () => {
      const list = LOCAL_SURNAMES[nat];
      return list && rng() < 0.25 ? pick(rng, list) : pickSkewed(rng, p.hispanicSurnames);
    };
    return {
      givenNames: given,
      firstSurname: surnames?.first ?? surname(),
      secondSurname: surnames ? surnames.second : rng() < 0.9 ? surname() : null,
    };
  };

  const makePerson = (
    nat: Nationality, country: string, sex: Sex, ageYears: number, lodgedMs: number,
    surnames?: { first: string | null; second: string | null },
  ): SyntheticPerson => {
    const name = personName(nat, sex, surnames);
    const birthMs = lodgedMs - (ageYears * 365.25 + rng() * 365) * DAY_MS;
    const estimated = rng() < 0.06;
    const docRoll = rng();
    const docNumber = () => `${String.fromCharCode(65 + Math.floor(rng() * 26))}${String.fromCharCode(65 + Math.floor(rng() * 26))}${Math.floor(1e6 + rng() * 9e6)}`;
    const documents = ageYears >= 18 && docRoll < 0.35 ? [{ type: 'passport', number: docNumber(), issuingCountry: country }]
      : ageYears >= 18 && docRoll < 0.55 ? [{ type: 'national_id', number: String(Math.floor(1e12 + rng() * 9e12)), issuingCountry: country }]
        : ageYears < 18 && docRoll < 0.3 ? [{ type: 'birth_certificate', number: String(Math.floor(1e7 + rng() * 9e7)), issuingCountry: country }]
          : [];
    return {
      id: uuidFrom(rng),
      ...name,
      sex,
      birthDate: estimated ? `${isoDate(birthMs).slice(0, 4)}-01-01` : isoDate(birthMs),
      birthDateEstimated: estimated,
      nationalities: [country],
      languages: nat === 'HTI' ? ['hat', 'fra'] : nat === 'OTHER' ? ['eng'] : ['spa'],
      needsInterpreter: nat === 'HTI' ? rng() < 0.75 : nat === 'OTHER',
      phone: ageYears >= 18 && rng() < 0.6 ? `+52 962 ${Math.floor(100 + rng() * 900)} ${Math.floor(1000 + rng() * 9000)}` : null,
      documents: JSON.stringify(documents),
      nearDuplicate: false,
    };
  };

  /** The same person registered again: accents dropped, surnames swapped, DOB one day off. */
  const reRegistration = (p: SyntheticPerson): SyntheticPerson => {
    const variant = Math.floor(rng() * 3);
    return {
      ...p,
      id: uuidFrom(rng),
      givenNames: dropAccents(p.givenNames),
      firstSurname: variant === 1 && p.secondSurname ? p.secondSurname : p.firstSurname && dropAccents(p.firstSurname),
      secondSurname: variant === 1 && p.secondSurname ? p.firstSurname : p.secondSurname,
      birthDate: variant === 2 ? nextDay(p.birthDate) : p.birthDate,
      documents: '[]',
      nearDuplicate: true,
    };
  };

  for (let k = 0; k < count; k++) {
    const i = from + k;
    const lodgedMs = Math.floor(at(Math.min(0.999999, (i + rng()) / setup.total)) / DAY_MS) * DAY_MS;
    // Office hours in Mexico City (UTC-6): 08:00–16:00 local.
    // (never in the future: today's claims were lodged before now).
    const lodgedAtMs = Math.min(lodgedMs + (14 + rng() * 8) * 3_600_000, Math.max(lodgedMs, nowMs - 60_000));
    const lodgedOn = isoDate(lodgedMs);
    const year = Number(lodgedOn.slice(0, 4));
    const ageDays = (todayMs - lodgedMs) / DAY_MS;
    const nat = weighted(rng, nationalityMix(year));
    const country = nat === 'OTHER' ? pick(rng, OTHER_COUNTRIES) : nat;
    const officeIndex = Number(weighted(rng, offices));

    const members: SyntheticMember[] = [];
    const flags: SyntheticFlag[] = [];
    const unaccompaniedChild = rng() < 0.03;
    if (unaccompaniedChild) {
      const child = makePerson(nat, country, rng() < 0.6 ? 'male' : 'female', 12 + Math.floor(rng() * 6), lodgedMs);
      members.push({ person: child, relation: 'principal', unaccompanied: true });
      flags.push({ personId: child.id, category: 'unaccompanied_child', indicator: 'Sin padre, madre ni tutor en México', sensitive: false, derived: true });
      flags.push({ personId: child.id, category: 'child', indicator: 'Menor de 18 años según fecha de nacimiento', sensitive: false, derived: true });
    } else {
      const sex: Sex = rng() < 0.55 ? 'male' : 'female';
      let principal = makePerson(nat, country, sex, 18 + Math.floor(rng() * rng() * 45), lodgedMs);
      if (previousPrincipal && rng() < 0.015) principal = reRegistration(previousPrincipal);
      previousPrincipal = principal;
      members.push({ person: principal, relation: 'principal', unaccompanied: false });
      const size = weighted(rng, [['1', 52], ['2', 14], ['3', 14], ['4', 11], ['5', 6], ['6', 3]] as const);
      const withSpouse = Number(size) >= 2 && rng() < 0.55;
      if (withSpouse) {
        const spouse = makePerson(nat, country, sex === 'male' ? 'female' : 'male', 18 + Math.floor(rng() * 40), lodgedMs,
          nat === 'HTI' && rng() < 0.5 ? { first: principal.firstSurname, second: null } : undefined);
        members.push({ person: spouse, relation: rng() < 0.6 ? 'spouse' : 'partner', unaccompanied: false });
        if (spouse.sex === 'female' && rng() < 0.06) {
          flags.push({ personId: spouse.id, category: 'pregnant', indicator: 'Refiere embarazo', sensitive: false, derived: false });
        }
      }
      const mother = members.find((m) => m.person.sex === 'female')?.person;
      const father = members.find((m) => m.person.sex === 'male')?.person;
      for (let c = members.length; c < Number(size); c++) {
        const age = Math.floor(rng() * 17);
        // Haitian families of 2021 onwards often have children born in Chile or Brazil.
        const childCountry = nat === 'HTI' && year >= 2021 && rng() < 0.3 ? pick(rng, ['CHL', 'BRA']) : country;
        const surnames = nat === 'HTI' || nat === 'OTHER'
          ? { first: father?.firstSurname ?? principal.firstSurname, second: null }
          : { first: father?.firstSurname ?? principal.firstSurname, second: mother?.firstSurname ?? null };
        const child = makePerson(nat, childCountry, rng() < 0.5 ? 'male' : 'female', age, lodgedMs, surnames);
        members.push({ person: child, relation: rng() < 0.92 ? 'child' : 'stepchild', unaccompanied: false });
        flags.push({ personId: child.id, category: 'child', indicator: 'Menor de 18 años según fecha de nacimiento', sensitive: false, derived: true });
      }
      if (!withSpouse && members.length > 1) {
        flags.push({ personId: principal.id, category: 'single_parent', indicator: 'Viaja sola/o con sus hijas e hijos', sensitive: false, derived: false });
      }
      const principalAge = (lodgedMs - Date.parse(`${principal.birthDate}T00:00:00Z`)) / (365.25 * DAY_MS);
      if (principalAge >= 60) flags.push({ personId: principal.id, category: 'elderly', indicator: 'Persona adulta mayor', sensitive: false, derived: true });
      if (principal.sex === 'female' && !withSpouse && rng() < 0.05) {
        flags.push({ personId: principal.id, category: 'pregnant', indicator: 'Refiere embarazo', sensitive: false, derived: false });
      }
    }
    const principal = members[0]!.person;
    const roll = (p: number, category: SyntheticFlag['category'], indicator: string) => {
      if (rng() < p) flags.push({ personId: principal.id, category, indicator, sensitive: SENSITIVE.has(category), derived: false });
    };
    roll(0.08, 'violence_survivor', 'Relata violencia en el país de origen o en el tránsito');
    roll(0.02, 'disability', 'Discapacidad observada o referida');
    roll(0.02, 'serious_illness', 'Enfermedad grave referida');
    roll(0.01, 'mental_disorder', 'Indicadores de afectación a la salud mental');
    roll(0.02, 'lgbtiq', 'Autoidentificación');
    roll(0.005, 'trafficking', 'Indicadores de trata de personas');

    const channel = weighted(rng, [['comar_office', 70], ['inm_referral', 12], ['detention_centre', 10], ['third_party', 8]] as const);
    const modality = flags.some((f) => f.category === 'unaccompanied_child' || f.category === 'trafficking')
      ? 'prioritised' : weighted(rng, [['regular', 86], ['prioritised', 9], ['accelerated', 5]] as const);
    const enteredMs = rng() < 0.92 ? lodgedMs - Math.floor(rng() * rng() * 60) * DAY_MS : null;
    const protectionExpressedAt = channel === 'inm_referral' || channel === 'detention_centre'
      ? new Date(lodgedAtMs - (1 + rng() * 2) * DAY_MS).toISOString() : null;

    // Status by age: recent claims open, old ones mostly ended (abandoned or withdrawn 70–80 %).
    const openShare = ageDays < 120 ? 0.95 : ageDays < 365 ? 0.6 : ageDays < 730 ? 0.15 : 0.03;
    let status: Status;
    let outcome: Outcome | null = null;
    if (rng() < openShare) {
      if (rng() < 0.03) status = 'late_filing_review';
      else if (ageDays < 10) status = 'registered';
      else if (ageDays < 25) status = rng() < 0.5 ? 'admitted' : 'interview_scheduled';
      else if (ageDays < 60) status = pick(rng, ['interview_scheduled', 'interviewed', 'under_assessment'] as const);
      else status = pick(rng, ['interviewed', 'under_assessment', 'decision_drafted', 'in_review'] as const);
    } else {
      status = weighted(rng, [['abandoned', 62], ['withdrawn', 13], ['transferred', 3], ['closed', 14], ['notified', 5], ['decided', 3]] as const);
      if (status === 'closed' || status === 'notified' || status === 'decided') {
        outcome = weighted(rng, [['recognised', 58], ['complementary', 13], ['rejected', 29]] as const);
      }
    }
    const closedAt = isOpen(status) ? null
      : new Date(Math.min(todayMs - DAY_MS, lodgedAtMs + (30 + rng() * 200) * DAY_MS)).toISOString();
    const officers = setup.officersPerOffice[officeIndex] ?? 0;
    const officerIndex = status === 'registered' || officers === 0 || rng() < 0.05 ? null : Math.floor(rng() * officers);
    claims.push({
      id: uuidFrom(rng), officeIndex, year, channel, modality, status, outcome,
      lodgedAt: new Date(lodgedAtMs).toISOString(), lodgedOn,
      enteredMexicoOn: enteredMs === null ? null : isoDate(enteredMs), protectionExpressedAt, closedAt, officerIndex, members, flags,
    });
  }
  return claims;
}
