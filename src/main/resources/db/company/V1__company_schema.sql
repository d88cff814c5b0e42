-- MICO's systems as the demo company database holds them (gdpr-rules.md §4). One database, one table group per
-- system; every table that holds personal data has a bigint id and, where restriction applies, a "restricted" flag
-- (true = stored only, not otherwise used). Types are the ones H2 and PostgreSQL share.

-- Case management (sagsstyringssystem): customers, their contact persons, and the cases worked for them.
create table customer (
  id             bigint       not null primary key,
  name           varchar(200) not null,
  cvr            varchar(8)   not null,
  customer_since date         not null,
  customer_until date
);

create table contact_person (
  id                  bigint       not null primary key,
  customer_id         bigint       not null references customer (id),
  full_name           varchar(200) not null,
  email               varchar(254),
  phone               varchar(32),
  title               varchar(120),
  -- '6(1)(b)' for the customer's contractual contact, '6(1)(f)' for a person who is not party to the contract
  legal_basis         varchar(16)  not null,
  -- 'subject' (the person gave it) or 'employer' (the customer named them)
  source              varchar(40)  not null,
  provided_by_subject boolean      not null,
  marketing_consent   boolean      not null default false,
  restricted          boolean      not null default false,
  created_at          timestamp    not null
);

create table support_case (
  id                bigint        not null primary key,
  case_no           varchar(20)   not null unique,
  customer_id       bigint        not null references customer (id),
  contact_person_id bigint        references contact_person (id) on delete set null,
  -- who reported it, as the case was opened (the contact may have changed e-mail since)
  reporter_name     varchar(200),
  reporter_email    varchar(254),
  subject           varchar(200)  not null,
  -- free text; sometimes names other contact persons (an access answer may need redaction, Art 15(4))
  notes             varchar(4000),
  opened_at         timestamp     not null,
  closed_at         timestamp,
  restricted        boolean       not null default false
);

-- Courses and seminars, their participants and the evaluation forms.
create table course (
  id        bigint       not null primary key,
  code      varchar(20)  not null unique,
  title     varchar(200) not null,
  held_on   date         not null,
  location  varchar(120) not null
);

create table course_participant (
  id                  bigint       not null primary key,
  course_id           bigint       not null references course (id),
  full_name           varchar(200) not null,
  email               varchar(254),
  phone               varchar(32),
  company_name        varchar(200),
  legal_basis         varchar(16)  not null,
  -- 'subject' (signed up themselves) or 'employer' (enrolled by their employer)
  source              varchar(40)  not null,
  provided_by_subject boolean      not null,
  enrolled_at         timestamp    not null,
  attended            boolean,
  restricted          boolean      not null default false
);

create table course_evaluation (
  id               bigint        not null primary key,
  course_id        bigint        not null references course (id),
  participant_id   bigint        references course_participant (id) on delete set null,
  respondent_email varchar(254),
  rating           integer       not null,
  answers          varchar(2000),
  submitted_at     timestamp     not null,
  restricted       boolean       not null default false
);

-- The newsletter (held on consent only) and the suppression list of addresses that must never be re-added.
create table newsletter_subscriber (
  id             bigint       not null primary key,
  email          varchar(254) not null,
  full_name      varchar(200),
  consent_at     timestamp    not null,
  consent_source varchar(60)  not null,
  restricted     boolean      not null default false
);

create table newsletter_suppression (
  id           bigint      not null primary key,
  -- SHA-256 of the lower-cased address, hex
  email_sha256 varchar(64) not null unique,
  created_at   timestamp   not null
);

-- Website cookie consents: most are anonymous; a few are linked to a person by the e-mail of a sign-up.
create table cookie_consent (
  id           bigint       not null primary key,
  cookie_id    varchar(64)  not null unique,
  -- comma-separated: necessary, preferences, statistics, marketing
  categories   varchar(200) not null,
  consented_at timestamp    not null,
  withdrawn_at timestamp,
  signup_email varchar(254),
  restricted   boolean      not null default false
);

-- Accounting: invoices naming a contact. Kept 5 years from the end of the financial year (bogføringsloven).
create table invoice (
  id                 bigint         not null primary key,
  invoice_no         varchar(20)    not null unique,
  customer_id        bigint         not null references customer (id),
  contact_name       varchar(200),
  contact_email      varchar(254),
  amount_dkk         decimal(12, 2) not null,
  invoice_date       date           not null,
  financial_year_end date           not null,
  restricted         boolean        not null default false
);

-- The register of disclosures: who receives what from which system (Art 19, 15(1)(c)).
create table disclosure_recipient (
  id             bigint       not null primary key,
  recipient_id   varchar(60)  not null,
  name           varchar(200) not null,
  -- 'processor' (acts on MICO's instructions under a data processing agreement) or 'recipient'
  role           varchar(20)  not null,
  categories     varchar(400) not null,
  system_id      varchar(60)  not null,
  dpa_reference  varchar(60),
  notice_contact varchar(254) not null,
  constraint disclosure_recipient_role check (role in ('processor', 'recipient')),
  constraint disclosure_recipient_system unique (recipient_id, system_id)
);

create index contact_person_email on contact_person (email);
create index course_participant_email on course_participant (email);
create index newsletter_subscriber_email on newsletter_subscriber (email);
create index cookie_consent_signup_email on cookie_consent (signup_email);
create index invoice_contact_email on invoice (contact_email);
