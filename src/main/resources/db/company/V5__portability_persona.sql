-- Vibeke Stampe (persona "vibeke", docs/demo-company.md): purchasing manager at Havnelogistik A/S, for data
-- portability (Art 20). Portable: her own contact record (she gave it, 6(1)(b)) and her newsletter subscription
-- (consent). Not portable: the course registration her employer made (source employer, 6(1)(f)) and her course
-- evaluation (6(1)(f)). Fictitious, like everyone here; ids follow the generated ones.

insert into contact_person (id, customer_id, full_name, email, phone, title, legal_basis, source, provided_by_subject,
    marketing_consent, restricted, created_at)
  select max(id) + 1, (select id from customer where name = 'Havnelogistik A/S'), 'Vibeke Stampe',
    'vibeke.stampe@havnelogistik.example', '16 48 25 93', 'Indkøbschef', '6(1)(b)', 'subject', true, false, false,
    timestamp '2022-03-14 10:20:00'
  from contact_person;

insert into course_participant (id, course_id, full_name, email, phone, company_name, legal_basis, source,
    provided_by_subject, enrolled_at, attended, restricted)
  select max(id) + 1,
    (select min(course_id) from course_participant where email = 'soeren.baekgaard@havnelogistik.example'),
    'Vibeke Stampe', 'vibeke.stampe@havnelogistik.example', '16 48 25 93', 'Havnelogistik A/S', '6(1)(f)',
    'employer', false, timestamp '2024-02-01 09:00:00', true, false
  from course_participant;

insert into course_evaluation (id, course_id, participant_id, respondent_email, rating, answers, submitted_at,
    restricted)
  select (select max(id) + 1 from course_evaluation), p.course_id, p.id, p.email, 4,
    'Godt kursus, men for lidt tid til øvelserne.', timestamp '2024-02-02 16:30:00', false
  from course_participant p where p.email = 'vibeke.stampe@havnelogistik.example';

insert into newsletter_subscriber (id, email, full_name, consent_at, consent_source, restricted)
  select max(id) + 1, 'vibeke.stampe@havnelogistik.example', 'Vibeke Stampe', timestamp '2022-03-20 18:05:00',
    'website', false
  from newsletter_subscriber;
