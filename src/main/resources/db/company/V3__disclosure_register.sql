-- The register of disclosures: every processor and recipient MICO's systems hand personal data to. One row per
-- recipient and system; recipient_id is the id the system declarations list under "recipients". All fictitious.

insert into disclosure_recipient (id, recipient_id, name, role, categories, system_id, dpa_reference, notice_contact) values
  (1,  'hosting-provider',  'Serverhallen Nord ApS',            'processor', 'name, e-mail, phone, job title, company, case notes', 'case-management',    'DBA-2021-004', 'databeskyttelse@serverhallen-nord.example'),
  (2,  'hosting-provider',  'Serverhallen Nord ApS',            'processor', 'name, e-mail, phone, company, attendance',            'courses',            'DBA-2021-004', 'databeskyttelse@serverhallen-nord.example'),
  (3,  'hosting-provider',  'Serverhallen Nord ApS',            'processor', 'e-mail, evaluation answers',                          'course-evaluations', 'DBA-2021-004', 'databeskyttelse@serverhallen-nord.example'),
  (4,  'hosting-provider',  'Serverhallen Nord ApS',            'processor', 'name, e-mail, invoices',                              'accounting',         'DBA-2021-004', 'databeskyttelse@serverhallen-nord.example'),
  (5,  'newsletter-service', 'Postbudet Nyhedsbreve ApS',       'processor', 'e-mail, name, consent time',                          'newsletter',         'DBA-2022-011', 'privacy@postbudet.example'),
  (6,  'cookie-banner',     'Samtykkeboksen ApS',               'processor', 'cookie id, consent categories, consent time, e-mail', 'cookies',            'DBA-2020-007', 'dpo@samtykkeboksen.example'),
  (7,  'course-venue',      'Kursuscenter Lyngbakken',          'recipient', 'name, company, attendance',                           'courses',            null,           'kursus@lyngbakken.example'),
  (8,  'accounting-system', 'Regnskabsskyen ApS',               'processor', 'name, e-mail, invoices',                              'accounting',         'DBA-2019-002', 'support@regnskabsskyen.example'),
  (9,  'auditor',           'Revisionsfirmaet Bogholm & Co.',   'recipient', 'invoices naming a contact',                           'accounting',         null,           'revision@bogholm.example'),
  (10, 'hosting-provider',  'Serverhallen Nord ApS',            'processor', 'e-mail correspondence',                               'email-archive',      'DBA-2021-004', 'databeskyttelse@serverhallen-nord.example');
