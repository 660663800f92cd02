/**
 * AI trainers (freelancers) and the reviews past clients left them. Trainers are not users of
 * an employer account: they have their own table and `ftr_` ids, and the private columns
 * (legal name, email, phone) are never part of any API answer (services/privacy).
 */
export const sql = `
CREATE TABLE trainers (
  id text PRIMARY KEY,
  slug text NOT NULL,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'UNAVAILABLE', 'SUSPENDED')),
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  legal_name text NOT NULL DEFAULT '',
  email text,
  phone text,
  talent_type text NOT NULL DEFAULT 'FREELANCER' CHECK (talent_type IN ('FREELANCER', 'AGENCY')),
  title text,
  bio text,
  city text,
  country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
  timezone text,
  profile_photo_url text,
  hourly_rate_cents integer CHECK (hourly_rate_cents >= 0),
  per_label_rate_micros bigint CHECK (per_label_rate_micros >= 0),
  availability text CHECK (availability IN ('FULL_TIME', 'PART_TIME', 'AS_NEEDED')),
  hours_per_week integer CHECK (hours_per_week BETWEEN 0 AND 168),
  experience_level text NOT NULL CHECK (experience_level IN ('ENTRY_LEVEL', 'INTERMEDIATE', 'EXPERT')),
  english_level text CHECK (english_level IN ('BASIC', 'CONVERSATIONAL', 'FLUENT', 'NATIVE')),
  languages jsonb NOT NULL DEFAULT '[]',
  language_names text[] NOT NULL DEFAULT '{}',
  subject_matter text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  software text[] NOT NULL DEFAULT '{}',
  data_types text[] NOT NULL DEFAULT '{}',
  label_types text[] NOT NULL DEFAULT '{}',
  label_experience jsonb NOT NULL DEFAULT '[]',
  work_experience jsonb NOT NULL DEFAULT '[]',
  education jsonb NOT NULL DEFAULT '[]',
  total_earned_cents bigint NOT NULL DEFAULT 0 CHECK (total_earned_cents >= 0),
  highest_earnings_cents bigint CHECK (highest_earnings_cents >= 0),
  billed_hours integer NOT NULL DEFAULT 0 CHECK (billed_hours >= 0),
  job_success_score integer CHECK (job_success_score BETWEEN 0 AND 100),
  review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
  average_rating double precision CHECK (average_rating BETWEEN 1 AND 5),
  identity_verified boolean NOT NULL DEFAULT false,
  location_status text NOT NULL DEFAULT 'NOT_STARTED'
    CHECK (location_status IN ('NOT_STARTED', 'PENDING', 'PASSED', 'FAILED')),
  location_method text CHECK (location_method IN ('GPS', 'IP', 'DOCUMENT')),
  location_checked_at timestamptz,
  assessment_score integer CHECK (assessment_score BETWEEN 0 AND 100),
  assessment_taken_at timestamptz,
  persona_seed integer NOT NULL DEFAULT 0,
  persona jsonb NOT NULL DEFAULT '{}',
  sandbox_seed text,
  member_since timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX trainers_slug_key ON trainers (slug);
CREATE UNIQUE INDEX trainers_email_key ON trainers (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX trainers_country_idx ON trainers (country_code);
CREATE INDEX trainers_language_names_idx ON trainers USING gin (language_names);
CREATE INDEX trainers_label_types_idx ON trainers USING gin (label_types);
CREATE INDEX trainers_data_types_idx ON trainers USING gin (data_types);
CREATE INDEX trainers_skills_idx ON trainers USING gin (skills);

CREATE TABLE trainer_reviews (
  id text PRIMARY KEY,
  trainer_id text NOT NULL REFERENCES trainers(id),
  rating double precision NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text,
  client_name text,
  job_title text,
  contract_id text,
  created_at timestamptz NOT NULL
);
CREATE INDEX trainer_reviews_trainer_idx ON trainer_reviews (trainer_id, created_at DESC, id DESC);
`;
