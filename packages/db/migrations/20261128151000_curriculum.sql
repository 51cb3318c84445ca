-- The EUAA (formerly EASO) curriculum as the EU-funded Mexico action of 2017–2018 used it, plus the
-- first-line module "Access to the asylum procedure". Reference data every installation starts
-- with; coordinators edit it afterwards. completion_rule: {"online", "attendance",
-- "attendancePct", "passMark"} — a blended module needs both parts (only then is a person
-- counted as trained). Hours and days are the curriculum's usual shape, to be adjusted per course.
INSERT INTO training_modules (code, title, description, level, target_groups, formats, online_hours, face_to_face_days,
                              validity_months, completion_rule, experience_route) VALUES
  ('ACC', '{"es-MX": "Acceso al procedimiento de asilo", "en": "Access to the asylum procedure", "fr": "Accès à la procédure d''asile"}',
   '{"es-MX": "Para el personal de primer contacto: identificar a quien pide protección, informarle y canalizarlo.", "en": "For first-contact staff: identify people who seek protection, inform them and refer them.", "fr": "Pour le personnel de premier contact : identifier les personnes qui demandent une protection, les informer et les orienter."}',
   'first_line', '{first_contact_officer}', '{in_person,videoconference}', 0, 0.5, 24,
   '{"online": false, "attendance": true, "attendancePct": 80, "passMark": null}', NULL),
  ('RLH', '{"es-MX": "Derecho internacional de los refugiados y derechos humanos", "en": "International refugee law and human rights", "fr": "Droit international des réfugiés et droits de l''homme"}',
   '{}', 'core', '{eligibility_officer,supervisor,registration_clerk}', '{online}', 20, 0, NULL,
   '{"online": true, "attendance": false, "attendancePct": 0, "passMark": 60}', NULL),
  ('INC', '{"es-MX": "Inclusión", "en": "Inclusion", "fr": "Inclusion"}',
   '{}', 'core', '{eligibility_officer,supervisor}', '{blended}', 25, 2, 60,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('IT', '{"es-MX": "Técnicas de entrevista", "en": "Interview techniques", "fr": "Techniques d''entretien"}',
   '{}', 'core', '{eligibility_officer,supervisor}', '{blended}', 25, 2, 60,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('EA', '{"es-MX": "Evaluación de pruebas", "en": "Evidence assessment", "fr": "Évaluation des preuves"}',
   '{}', 'core', '{eligibility_officer,supervisor}', '{blended}', 25, 2, 60,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('COI', '{"es-MX": "Información de países de origen", "en": "Country of origin information", "fr": "Informations sur les pays d''origine"}',
   '{}', 'advanced', '{eligibility_officer}', '{online}', 20, 0, 36,
   '{"online": true, "attendance": false, "attendancePct": 0, "passMark": 60}', NULL),
  ('ITC', '{"es-MX": "Entrevista a niñas, niños y adolescentes", "en": "Interviewing children", "fr": "Entretien avec les enfants"}',
   '{"es-MX": "Entrevista adaptada a la edad y madurez; interés superior de la niñez.", "en": "Interviews adapted to age and maturity; the best interests of the child.", "fr": "Entretien adapté à l''âge et à la maturité ; intérêt supérieur de l''enfant."}',
   'advanced', '{eligibility_officer}', '{blended}', 20, 2, 36,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}',
   '{"roles": ["eligibility_officer"], "months": 6, "activity": "interviewing"}'),
  ('IVP', '{"es-MX": "Entrevista a personas vulnerables", "en": "Interviewing vulnerable persons", "fr": "Entretien avec les personnes vulnérables"}',
   '{}', 'advanced', '{eligibility_officer}', '{blended}', 20, 2, 36,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}',
   '{"roles": ["eligibility_officer"], "months": 6, "activity": "interviewing"}'),
  ('EXC', '{"es-MX": "Exclusión", "en": "Exclusion", "fr": "Exclusion"}',
   '{}', 'advanced', '{eligibility_officer}', '{blended}', 25, 2, 60,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('EOP', '{"es-MX": "Cese de la protección", "en": "End of protection", "fr": "Fin de la protection"}',
   '{}', 'advanced', '{eligibility_officer}', '{online}', 15, 0, NULL,
   '{"online": true, "attendance": false, "attendancePct": 0, "passMark": 60}', NULL),
  ('APD', '{"es-MX": "Procedimientos de asilo", "en": "Asylum procedures", "fr": "Procédures d''asile"}',
   '{}', 'core', '{eligibility_officer,registration_clerk,supervisor}', '{online}', 15, 0, NULL,
   '{"online": true, "attendance": false, "attendancePct": 0, "passMark": 60}', NULL),
  ('DDM', '{"es-MX": "Redacción y toma de decisiones", "en": "Drafting and decision-making", "fr": "Rédaction et prise de décision"}',
   '{}', 'advanced', '{eligibility_officer,supervisor}', '{blended}', 20, 2, 60,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('GEN', '{"es-MX": "Género, identidad de género y orientación sexual", "en": "Gender, gender identity and sexual orientation", "fr": "Genre, identité de genre et orientation sexuelle"}',
   '{}', 'specialised', '{eligibility_officer}', '{blended,videoconference}', 15, 1, 36,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('THB', '{"es-MX": "Trata de personas", "en": "Trafficking in human beings", "fr": "Traite des êtres humains"}',
   '{}', 'specialised', '{eligibility_officer,first_contact_officer}', '{blended,videoconference}', 15, 1, 36,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}', NULL),
  ('REC', '{"es-MX": "Recepción", "en": "Reception", "fr": "Accueil"}',
   '{}', 'core', '{registration_clerk,first_contact_officer}', '{in_person,videoconference}', 0, 2, NULL,
   '{"online": false, "attendance": true, "attendancePct": 80, "passMark": null}', NULL),
  ('MGT', '{"es-MX": "Gestión", "en": "Management", "fr": "Gestion"}',
   '{}', 'specialised', '{supervisor}', '{blended}', 15, 2, NULL,
   '{"online": true, "attendance": true, "attendancePct": 80, "passMark": null}', NULL),
  ('TTT', '{"es-MX": "Formación de formadores", "en": "Train the trainer", "fr": "Formation de formateurs"}',
   '{"es-MX": "Formadores nacionales certificados por módulo (efecto multiplicador).", "en": "National trainers certified per module (multiplier effect).", "fr": "Formateurs nationaux certifiés par module (effet multiplicateur)."}',
   'trainer', '{trainer,eligibility_officer,supervisor}', '{blended}', 20, 3, 36,
   '{"online": true, "attendance": true, "attendancePct": 100, "passMark": 75}', NULL);

INSERT INTO training_module_competencies (module_id, competency_code)
SELECT m.id, c.code FROM training_modules m JOIN (VALUES
  ('ACC', 'access_procedure'), ('RLH', 'international_protection'), ('INC', 'inclusion'), ('IT', 'interview_techniques'),
  ('EA', 'evidence_assessment'), ('COI', 'country_information'), ('ITC', 'interviewing_children'),
  ('IVP', 'interviewing_vulnerable_persons'), ('EXC', 'exclusion'), ('EOP', 'end_of_protection'), ('APD', 'asylum_procedures'),
  ('DDM', 'drafting_decisions'), ('GEN', 'gender_sogi'), ('THB', 'trafficking'), ('REC', 'reception'), ('MGT', 'management'),
  ('TTT', 'trainer')) AS c(module, code) ON c.module = m.code;

-- Advanced modules build on the core ones (or, for ITC and IVP, on six months of interviewing).
INSERT INTO training_module_prerequisites (module_id, competency_code)
SELECT m.id, p.code FROM training_modules m JOIN (VALUES
  ('ITC', 'interview_techniques'), ('IVP', 'interview_techniques'), ('EXC', 'inclusion'), ('DDM', 'evidence_assessment'),
  ('TTT', 'interview_techniques')) AS p(module, code) ON p.module = m.code;
