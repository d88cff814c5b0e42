-- Contact persons may have a postal address in the case system (declared as an identifier, postal-address), and two
-- demo personas show how a request without an e-mail address finds the person (docs/demo-company.md):
-- Grete Sønderby (persona "grete"), IT coordinator at Kystkonsult ApS, in case management, courses and the
-- newsletter, who writes by post with her name, phone and home address; and her namesake at Fjordbyg A/S
-- ("grete-namesake"), whom a name-only match finds too and the officer must reject. Fictitious, like everyone here;
-- ids follow the generated ones.

alter table contact_person add column postal_address varchar(300);

insert into contact_person (id, customer_id, full_name, email, phone, title, legal_basis, source, provided_by_subject,
    marketing_consent, restricted, created_at, postal_address)
  select max(id) + 1, (select id from customer where name = 'Kystkonsult ApS'), 'Grete Sønderby',
    'grete.soenderby@kystkonsult.example', '21 43 65 87', 'IT-koordinator', '6(1)(b)', 'subject', true, false, false,
    timestamp '2021-09-06 11:15:00', 'Strandvejen 41, 8400 Ebeltoft'
  from contact_person;

insert into contact_person (id, customer_id, full_name, email, phone, title, legal_basis, source, provided_by_subject,
    marketing_consent, restricted, created_at, postal_address)
  select max(id) + 1, (select id from customer where name = 'Fjordbyg A/S'), 'Grete Sønderby',
    'grete.soenderby@fjordbyg.example', '30 11 22 44', 'Lønbogholder', '6(1)(b)', 'employer', false, false, false,
    timestamp '2023-01-16 08:40:00', 'Havnegade 3, 7100 Vejle'
  from contact_person;

insert into course_participant (id, course_id, full_name, email, phone, company_name, legal_basis, source,
    provided_by_subject, enrolled_at, attended, restricted)
  select max(id) + 1, (select min(course_id) from course_participant), 'Grete Sønderby',
    'grete.soenderby@kystkonsult.example', '+45 21436587', 'Kystkonsult ApS', '6(1)(b)', 'subject', true,
    timestamp '2023-10-02 09:00:00', true, false
  from course_participant;

insert into newsletter_subscriber (id, email, full_name, consent_at, consent_source, restricted)
  select max(id) + 1, 'grete.soenderby@kystkonsult.example', 'Grete Sønderby', timestamp '2021-10-11 19:30:00',
    'website', false
  from newsletter_subscriber;
