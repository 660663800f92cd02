import type {
  LanguageProficiency,
  LocationVerificationStatus,
  TrainerAvailability,
  TrainerEducation,
  TrainerExperienceLevel,
  TrainerLabelExperience,
  TrainerLanguage,
  TrainerPersona,
  TrainerRow,
  TrainerWorkExperience,
} from "../../db/schema-trainers.js";
import { maskName } from "../../services/privacy/mask-name.js";
import { Prng } from "../seed/prng.js";
import { EMAIL_DOMAINS, SEED_COUNTRIES, type SeedCountry } from "./countries.js";
import { languageSpecialists, type TrainerFocus } from "./language-specialists.js";
import { DEGREES, PREVIOUS_ROLES, SEED_COMPANIES, SPECIALTIES, type Specialty } from "./specialties.js";

/** Trainers drawn at random for the sandbox pool (the language specialists come on top). */
export const SANDBOX_TRAINER_COUNT = 180;

export interface SeedReview {
  id: string;
  rating: number;
  comment: string | null;
  clientName: string;
  jobTitle: string;
  daysAgo: number;
}

/** A generated trainer: the row to insert, its reviews, and the private data the API must never show. */
export interface SeedTrainer {
  row: TrainerRow;
  reviews: SeedReview[];
  /** Contact details deliberately planted in public text (bios, reviews), as real users do. */
  planted: string[];
}

const DAY = 86_400_000;
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);
const ascii = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ı/g, "i")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o");

/** URL slug: ASCII letters and digits joined by single dashes. */
export function slugify(text: string): string {
  return ascii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function digits(prng: Prng, n: number): string {
  let out = String(prng.int(2, 9));
  while (out.length < n) out += String(prng.int(0, 9));
  return out;
}

/** A fictional phone number in one of the ways people write them. */
function phoneNumber(prng: Prng, c: SeedCountry): { e164: string; written: string } {
  const national = digits(prng, c.phoneDigits);
  const e164 = `+${c.callingCode}${national}`;
  const groups = (s: string, sizes: number[]) => {
    const out: string[] = [];
    let i = 0;
    for (const n of sizes) {
      if (i >= s.length) break;
      out.push(s.slice(i, i + n));
      i += n;
    }
    if (i < s.length) out[out.length - 1] += s.slice(i);
    return out;
  };
  const three = groups(national, [3, 3, 4]);
  const written = prng.weighted<string>([
    [`+${c.callingCode} ${three.join(" ")}`, 4],
    [`+${c.callingCode}-${three.join("-")}`, 2],
    [`(+${c.callingCode}) ${groups(national, [2, 4, 4]).join(" ")}`, 1],
    [`00${c.callingCode} ${national}`, 1],
    [`0${three.join(".")}`, 1],
    [`+${c.callingCode}${national}`, 1],
    [`(0${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`, 1],
  ]);
  return { e164, written };
}

function pickLevel(prng: Prng): TrainerExperienceLevel {
  return prng.weighted<TrainerExperienceLevel>([
    ["ENTRY_LEVEL", 3],
    ["INTERMEDIATE", 5],
    ["EXPERT", 3],
  ]);
}

const LEVEL_RATE = { ENTRY_LEVEL: 0.7, INTERMEDIATE: 1, EXPERT: 1.5 } as const;
const LEVEL_YEARS = { ENTRY_LEVEL: [0, 1], INTERMEDIATE: [2, 4], EXPERT: [5, 9] } as const;

function languagesFor(prng: Prng, c: SeedCountry, needsOther: boolean): TrainerLanguage[] {
  const langs: TrainerLanguage[] = [];
  const natives = prng.chance(0.3) ? c.languages : c.languages.slice(0, 1);
  for (const l of natives) langs.push({ language: l, proficiency: "NATIVE" });
  if (!langs.some((l) => l.language === "English")) {
    langs.push({ language: "English", proficiency: prng.weighted(c.english) });
  }
  const extra = c.extraLanguages ?? [];
  const wantExtra = needsOther && !langs.some((l) => l.language !== "English") ? 1 : prng.chance(0.35) ? 1 : 0;
  for (const l of prng.sample(
    extra.filter((e) => !langs.some((x) => x.language === e)),
    wantExtra,
  )) {
    langs.push({
      language: l,
      proficiency: prng.weighted<LanguageProficiency>([
        ["FLUENT", 3],
        ["CONVERSATIONAL", 3],
        ["NATIVE", 1],
        ["BASIC", 1],
      ]),
    });
  }
  return langs;
}

/** The languages with `language` spoken natively (first when it was missing). */
function withNative(langs: TrainerLanguage[], language: string): TrainerLanguage[] {
  if (!langs.some((l) => l.language === language)) return [{ language, proficiency: "NATIVE" }, ...langs];
  return langs.map((l) => (l.language === language ? { ...l, proficiency: "NATIVE" as const } : l));
}

const TONES = ["formal", "friendly", "concise", "enthusiastic"] as const;

function persona(prng: Prng): TrainerPersona {
  return {
    tone: prng.pick(TONES),
    replyDelayMinutes: prng.weighted([
      [prng.int(2, 20), 3],
      [prng.int(20, 120), 4],
      [prng.int(120, 720), 2],
    ]),
    applyPropensity: Math.round((0.2 + prng.next() * 0.7) * 100) / 100,
    reliability: Math.round((0.7 + prng.next() * 0.29) * 100) / 100,
    bidStyle: prng.weighted<TrainerPersona["bidStyle"]>([
      ["at_rate", 5],
      ["below_rate", 2],
      ["above_rate", 2],
    ]),
    verbosity: prng.pick(["short", "medium", "long"] as const),
  };
}

/** Something a real user might put in a bio to move the conversation off the platform. */
function plantedContact(
  prng: Prng,
  v: { first: string; last: string; email: string; phone: string; handle: string; e164: string },
): { sentence: string; planted: string[] } {
  const local = v.email.split("@")[0]!;
  const domain = v.email.split("@")[1]!;
  const options: (() => { sentence: string; planted: string[] })[] = [
    () => ({ sentence: `For faster replies email me at ${v.email}.`, planted: [v.email] }),
    () => ({ sentence: `WhatsApp: ${v.phone}.`, planted: [v.phone] }),
    () => ({ sentence: `Call or text me on ${v.phone} any time.`, planted: [v.phone] }),
    () => ({ sentence: `Find me on Telegram: @${v.handle}.`, planted: [`@${v.handle}`] }),
    () => ({
      sentence: `Connect on LinkedIn: linkedin.com/in/${slugify(`${v.first} ${v.last}`)}.`,
      planted: [`linkedin.com/in/${slugify(`${v.first} ${v.last}`)}`],
    }),
    () => ({ sentence: `Skype: live:${v.handle}.`, planted: [`live:${v.handle}`] }),
    () => ({
      sentence: `Write to ${local} [at] ${domain.replace(/\./g, " [dot] ")} and I will answer the same day.`,
      planted: [`${local} [at]`],
    }),
    () => ({ sentence: `Message me directly: wa.me/${v.e164.slice(1)}.`, planted: [`wa.me/${v.e164.slice(1)}`] }),
    () => ({
      sentence: `Portfolio and references: https://${slugify(v.last)}-portfolio.example/${slugify(v.first)}.`,
      planted: [`https://${slugify(v.last)}-portfolio.example/${slugify(v.first)}`],
    }),
    () => ({ sentence: `I'm ${v.first} ${v.last}; look me up and say hi.`, planted: [] }),
  ];
  return prng.pick(options)();
}

const REVIEW_COMMENTS = [
  "{first} delivered clean {thing} ahead of schedule and flagged ambiguous cases early.",
  "Great communication and followed our guidelines closely. Would hire again.",
  "Solid work. The first batch needed a little rework, but quality improved quickly.",
  "Very reliable: consistent quality across the whole project and quick answers to questions.",
  "{first} asked the right questions about edge cases, which improved our guidelines.",
  "Good quality, though turnaround was slower than we hoped during the second week.",
  "Excellent attention to detail on {thing}. One of the best annotators on our team.",
  "Did what was asked, no more, no less.",
  "Accurate and fast. {first} also helped onboard two new annotators.",
  "Quality was uneven at first; after feedback it was fine.",
];

/**
 * One generated trainer; everything comes from `prng`, so the sequence is the seed's. Without a
 * focus the country, specialties and status are drawn; a focus fixes them (always ACTIVE).
 */
function oneTrainer(prng: Prng, seed: string, now: Date, slugs: Set<string>, focus?: TrainerFocus): SeedTrainer {
  const country = focus?.country ?? prng.weighted(SEED_COUNTRIES.map((c) => [c, c.weight] as const));
  const [city, timezone] = prng.pick(country.cities);
  const given = prng.pick(country.firstNames);
  const last = prng.pick(country.lastNames);
  const middle = prng.chance(0.3) ? prng.pick(country.firstNames.filter((f) => f !== given)) : null;
  const legalName = [given, middle, last].filter(Boolean).join(" ");
  const level = focus?.level ?? pickLevel(prng);
  const englishOnly = country.languages.every((l) => l === "English") && !(country.extraLanguages ?? []).length;
  const specialtyPool = SPECIALTIES.filter((s) => !s.languageWork || !englishOnly);
  const primary = focus?.specialties[0] ?? prng.weighted(specialtyPool.map((s) => [s, s.weight] as const));
  const secondary = focus
    ? focus.specialties.slice(1)
    : prng.sample(
        specialtyPool.filter((s) => s !== primary),
        prng.weighted([
          [0, 4],
          [1, 4],
          [2, 2],
        ]),
      );
  const specialties: Specialty[] = [primary, ...secondary];
  const drawnLanguages = languagesFor(
    prng,
    country,
    specialties.some((s) => s.languageWork),
  );
  const languages = focus ? withNative(drawnLanguages, focus.nativeLanguage) : drawnLanguages;
  const english = languages.find((l) => l.language === "English")?.proficiency ?? null;

  const emailLocal = `${slugify(given).replace(/-/g, "")}.${slugify(last).replace(/-/g, "")}${prng.int(1, 99)}`;
  const email = `${emailLocal}@${prng.pick(EMAIL_DOMAINS)}`;
  const phone = phoneNumber(prng, country);
  const handle = `${slugify(given).replace(/-/g, "_")}_${slugify(last).replace(/-/g, "").slice(0, 6)}${prng.int(1, 99)}`;
  const planted: string[] = [];

  // A few accounts carry no usable first name (signed up by phone, or typed their email in).
  const nameQuirk = prng.weighted([
    ["none", 94],
    ["blank", 2],
    ["email", 2],
    ["full", 2],
  ] as const);
  // The first-name column as the trainer filled it in; public text uses the real given name.
  let first = given;
  if (nameQuirk === "blank") first = "";
  if (nameQuirk === "email") {
    first = email;
    planted.push(email);
  }
  if (nameQuirk === "full") first = `${given} ${last}`;

  const years = prng.int(LEVEL_YEARS[level][0], LEVEL_YEARS[level][1]);
  const yearNow = now.getUTCFullYear();
  const pick = <T>(lists: (s: Specialty) => readonly T[], n: number) => [
    ...new Set(specialties.flatMap((s) => prng.sample(lists(s), s === primary ? n : Math.max(1, n - 1)))),
  ];
  const labelTypes = pick((s) => s.labelTypes, 3);
  const software = pick((s) => s.software, 2);
  const dataTypes = [...new Set(specialties.flatMap((s) => s.dataTypes))];
  const subjects = pick((s) => s.subjects, 2);
  const skills = pick((s) => s.skills, 3);

  // Rates: specialty range × local market × level, rounded to 50 cents.
  const [lo, hi] = primary.hourly;
  const hourlyUsd = (lo + prng.next() * (hi - lo)) * country.rateTier * LEVEL_RATE[level];
  const hourlyRateCents = Math.max(300, Math.round(hourlyUsd * 2) * 50);
  const [plo, phi] = primary.perLabelMicros;
  const perLabelRateMicros = Math.round(((plo + prng.next() * (phi - plo)) * LEVEL_RATE[level]) / 1000) * 1000;
  const availability = prng.weighted<TrainerAvailability>([
    ["FULL_TIME", 35],
    ["PART_TIME", 50],
    ["AS_NEEDED", 15],
  ]);
  const hoursPerWeek =
    availability === "FULL_TIME"
      ? prng.pick([30, 35, 40, 40])
      : availability === "PART_TIME"
        ? prng.pick([10, 15, 20, 20, 25])
        : prng.pick([5, 8]);

  // Track record.
  const billedHours =
    level === "ENTRY_LEVEL" ? prng.int(0, 260) : level === "INTERMEDIATE" ? prng.int(200, 1800) : prng.int(1200, 6000);
  const totalEarnedCents = Math.round(billedHours * hourlyRateCents * (0.8 + prng.next() * 0.4));
  const highestEarningsCents = billedHours > 0 ? Math.round(totalEarnedCents * (0.15 + prng.next() * 0.45)) : null;
  const jobSuccessScore = billedHours < 40 ? null : prng.int(level === "EXPERT" ? 85 : 72, 100);
  const memberDays = Math.max(30, years * 365 + prng.int(30, 300));
  const memberSince = new Date(now.getTime() - memberDays * DAY);

  // Verification.
  const identityVerified = prng.chance(0.72);
  const locationStatus = prng.weighted<LocationVerificationStatus>([
    ["PASSED", 65],
    ["PENDING", 10],
    ["FAILED", 5],
    ["NOT_STARTED", 20],
  ]);
  const locationMethod =
    locationStatus === "NOT_STARTED"
      ? null
      : prng.weighted<"GPS" | "IP" | "DOCUMENT">([
          ["GPS", 6],
          ["IP", 3],
          ["DOCUMENT", 1],
        ]);
  const locationCheckedAt =
    locationStatus === "NOT_STARTED" ? null : new Date(now.getTime() - prng.int(1, memberDays) * DAY);
  const assessed = prng.chance(0.75);
  const assessmentScore = assessed
    ? Math.min(99, prng.int(40, 90) + (level === "EXPERT" ? 8 : level === "INTERMEDIATE" ? 4 : 0))
    : null;
  const assessmentTakenAt = assessed ? new Date(now.getTime() - prng.int(1, memberDays) * DAY) : null;

  // Labeling experience: one to four projects from the trainer's specialties.
  const labelExperience: TrainerLabelExperience[] = Array.from({ length: prng.int(1, 4) }, () => {
    const s = prng.chance(0.7) ? primary : prng.pick(specialties);
    const p = prng.pick(s.projects);
    const n = prng.int(p.min, p.max) * (p.max > 50 ? 1000 : 100);
    const fromYear = yearNow - prng.int(0, Math.max(0, years));
    const ongoing = fromYear === yearNow || prng.chance(0.2);
    return {
      id: `lex_${prng.id(16)}`,
      title: fill(p.title, { subject: prng.pick(s.subjects) }),
      description: fill(p.description, { n: n.toLocaleString("en-US") }),
      fromYear,
      toYear: ongoing ? null : Math.min(yearNow, fromYear + prng.int(0, 2)),
      ongoing,
      software: prng.pick(s.software),
      dataType: prng.pick(s.dataTypes),
      labelTypes: prng.sample(s.labelTypes, prng.int(1, 2)),
    };
  });

  // Work history and education follow a background that leads to the specialty.
  const background = prng.pick(primary.backgrounds);
  const roles = [...(PREVIOUS_ROLES[background] ?? []), ...PREVIOUS_ROLES.default!];
  let cursorYear = yearNow;
  const workExperience: TrainerWorkExperience[] = Array.from({ length: prng.int(1, 3) }, (_, i) => {
    const ongoing = i === 0 && prng.chance(0.4);
    const toYear = ongoing ? null : cursorYear - (i === 0 ? 0 : 1);
    const fromYear = (toYear ?? yearNow) - prng.int(1, 4);
    cursorYear = fromYear;
    return {
      id: `wex_${prng.id(16)}`,
      title: i === 0 && prng.chance(0.5) ? prng.pick(primary.titles).split(" | ")[0]! : prng.pick(roles),
      company: prng.pick(SEED_COMPANIES),
      countryCode: prng.chance(0.8) ? country.code : prng.pick(SEED_COUNTRIES).code,
      fromYear,
      toYear,
      ongoing,
      description: prng.chance(0.6) ? prng.pick(primary.bioLines) : null,
    };
  });
  const education: TrainerEducation[] = Array.from(
    {
      length: prng.weighted([
        [0, 1],
        [1, 6],
        [2, 2],
      ] as const),
    },
    (_, i) => {
      const toYear = yearNow - years - prng.int(0, 6) - i * 2;
      return {
        id: `edu_${prng.id(16)}`,
        school: prng.pick([`University of ${city}`, `${city} Technical Institute`, `${city} State College`]),
        degree: prng.pick(DEGREES),
        fieldOfStudy: i === 0 ? background : prng.pick(primary.backgrounds),
        fromYear: toYear - prng.int(2, 4),
        toYear,
      };
    },
  );

  // Headline and bio.
  let title: string = prng.pick(primary.titles);
  if (prng.chance(0.03)) title = `${given} ${last}: ${title}`;
  const langNames = languages.map((l) => l.language);
  const bio: string[] = [];
  if (level === "ENTRY_LEVEL") {
    bio.push(`I'm a detail-oriented ${background.toLowerCase()} graduate getting started with ${primary.phrase}.`);
  } else if (level === "INTERMEDIATE") {
    bio.push(`I have ${Math.max(2, years)} years of experience in ${primary.phrase}.`);
  } else {
    bio.push(`Senior specialist in ${primary.phrase} with ${Math.max(5, years)}+ years on production datasets.`);
  }
  bio.push(...prng.sample(primary.bioLines, prng.int(1, 2)));
  if (secondary.length > 0) bio.push(`I also take on ${secondary.map((s) => s.phrase).join(", as well as ")}.`);
  bio.push(`Tools I use daily: ${software.slice(0, 3).join(", ")}.`);
  if (langNames.length > 1) bio.push(`I work in ${langNames.slice(0, -1).join(", ")} and ${langNames.at(-1)}.`);
  bio.push(`Based in ${city}, available about ${hoursPerWeek} hours a week.`);
  if (prng.chance(0.22)) {
    const c = plantedContact(prng, { first: given, last, email, phone: phone.written, handle, e164: phone.e164 });
    bio.splice(prng.int(1, bio.length), 0, c.sentence);
    planted.push(...c.planted);
  }

  // Reviews from past clients.
  const reviewCount = billedHours < 20 ? 0 : Math.min(10, Math.max(0, Math.round(billedHours / 250) + prng.int(-1, 3)));
  const thing = `${prng.pick(labelTypes).toLowerCase()} work`;
  const reviews: SeedReview[] = Array.from({ length: reviewCount }, () => {
    const rating = prng.weighted([
      [5, 60],
      [4, 28],
      [3, 9],
      [2, 3],
    ] as const);
    let comment: string | null = prng.chance(0.9) ? fill(prng.pick(REVIEW_COMMENTS), { first: given, thing }) : null;
    if (comment && prng.chance(0.05)) comment = `${given} ${last} was a pleasure to work with. ${comment}`;
    return {
      id: `rev_${prng.id(20)}`,
      rating,
      comment,
      clientName: prng.pick(SEED_COMPANIES),
      jobTitle: fill(prng.pick(primary.projects).title, { subject: prng.pick(primary.subjects) }),
      daysAgo: prng.int(1, memberDays),
    };
  });
  const averageRating =
    reviews.length > 0 ? Math.round((reviews.reduce((s, r) => s + r.rating, 0) / reviews.length) * 10) / 10 : null;

  // Public slug: masked name only ("ana-p"), numbered when taken.
  const masked = maskName(first, last);
  const base =
    slugify(masked.lastNameInitial ? `${masked.firstName} ${masked.lastNameInitial}` : masked.firstName) || "trainer";
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
  slugs.add(slug);

  const status = focus ? "ACTIVE" : prng.chance(0.08) ? "UNAVAILABLE" : "ACTIVE";
  const createdAt = memberSince;
  return {
    row: {
      id: `ftr_${prng.id(20)}`,
      slug,
      status,
      firstName: first,
      lastName: last,
      legalName,
      email,
      phone: phone.e164,
      talentType: "FREELANCER",
      title,
      bio: bio.join(" "),
      city,
      countryCode: country.code,
      timezone,
      profilePhotoUrl: null,
      hourlyRateCents,
      perLabelRateMicros,
      availability,
      hoursPerWeek,
      experienceLevel: level,
      englishLevel: english,
      languages,
      languageNames: langNames,
      subjectMatter: subjects,
      skills,
      software,
      dataTypes,
      labelTypes,
      labelExperience,
      workExperience,
      education,
      totalEarnedCents,
      highestEarningsCents,
      billedHours,
      jobSuccessScore,
      reviewCount: reviews.length,
      averageRating,
      identityVerified,
      locationStatus,
      locationMethod,
      locationCheckedAt,
      assessmentScore,
      assessmentTakenAt,
      personaSeed: prng.int(0, 2_147_483_646),
      persona: persona(prng),
      sandboxSeed: seed,
      memberSince,
      createdAt,
      updatedAt: createdAt,
    },
    reviews,
    planted: [...new Set(planted)],
  };
}

/**
 * The deterministic trainer pool of a seed: `count` trainers drawn at random, then the language
 * specialists (language-specialists.ts) from a stream of their own. The same seed gives the same
 * trainers (ids, names, text, rates, reviews) in the same order; timestamps are relative to `now`.
 */
export function generateSeedTrainers(seed: string, count: number, now: Date): SeedTrainer[] {
  const prng = new Prng(`${seed}:trainers`);
  const slugs = new Set<string>();
  const general = Array.from({ length: count }, () => oneTrainer(prng, seed, now, slugs));
  const specialistPrng = new Prng(`${seed}:trainers:languages`);
  const specialists = languageSpecialists().map((focus) => oneTrainer(specialistPrng, seed, now, slugs, focus));
  return [...general, ...specialists];
}
