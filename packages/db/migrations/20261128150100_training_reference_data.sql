-- The competencies of the EUAA curriculum and the gating rules of the training
-- issue. Reference data every installation starts with; coordinators change them afterwards.
INSERT INTO competencies (code, title) VALUES
  ('access_procedure', '{"es-MX": "Acceso al procedimiento de asilo", "en": "Access to the asylum procedure", "fr": "Accès à la procédure d''asile"}'),
  ('international_protection', '{"es-MX": "Derecho internacional de los refugiados y derechos humanos", "en": "International refugee law and human rights", "fr": "Droit international des réfugiés et droits de l''homme"}'),
  ('inclusion', '{"es-MX": "Inclusión", "en": "Inclusion", "fr": "Inclusion"}'),
  ('interview_techniques', '{"es-MX": "Técnicas de entrevista", "en": "Interview techniques", "fr": "Techniques d''entretien"}'),
  ('evidence_assessment', '{"es-MX": "Evaluación de pruebas", "en": "Evidence assessment", "fr": "Évaluation des preuves"}'),
  ('country_information', '{"es-MX": "Información de países de origen", "en": "Country of origin information", "fr": "Informations sur les pays d''origine"}'),
  ('interviewing_children', '{"es-MX": "Entrevista a niñas, niños y adolescentes", "en": "Interviewing children", "fr": "Entretien avec les enfants"}'),
  ('interviewing_vulnerable_persons', '{"es-MX": "Entrevista a personas vulnerables", "en": "Interviewing vulnerable persons", "fr": "Entretien avec les personnes vulnérables"}'),
  ('exclusion', '{"es-MX": "Exclusión", "en": "Exclusion", "fr": "Exclusion"}'),
  ('end_of_protection', '{"es-MX": "Cese de la protección", "en": "End of protection", "fr": "Fin de la protection"}'),
  ('asylum_procedures', '{"es-MX": "Procedimientos de asilo", "en": "Asylum procedures", "fr": "Procédures d''asile"}'),
  ('drafting_decisions', '{"es-MX": "Redacción y toma de decisiones", "en": "Drafting and decision-making", "fr": "Rédaction et prise de décision"}'),
  ('gender_sogi', '{"es-MX": "Género, identidad de género y orientación sexual", "en": "Gender, gender identity and sexual orientation", "fr": "Genre, identité de genre et orientation sexuelle"}'),
  ('trafficking', '{"es-MX": "Trata de personas", "en": "Trafficking in human beings", "fr": "Traite des êtres humains"}'),
  ('reception', '{"es-MX": "Recepción", "en": "Reception", "fr": "Accueil"}'),
  ('management', '{"es-MX": "Gestión", "en": "Management", "fr": "Gestion"}'),
  ('trainer', '{"es-MX": "Formación de formadores", "en": "Train the trainer", "fr": "Formation de formateurs"}');

INSERT INTO competency_gating_rules (need_code, competency_code, rationale) VALUES
  ('child', 'interviewing_children', 'Child-friendly interview (domain.md §5, §6)'),
  ('unaccompanied_child', 'interviewing_children', 'Child-friendly interview (domain.md §5, §6)'),
  ('lgbtiq', 'gender_sogi', 'Interviews on sexual orientation and gender identity'),
  ('violence_survivor', 'interviewing_vulnerable_persons', 'Torture and sexual violence survivors'),
  ('mental_disorder', 'interviewing_vulnerable_persons', 'Mental-health indicators'),
  ('trafficking', 'interviewing_vulnerable_persons', 'Victims of trafficking'),
  ('exclusion_indicator', 'exclusion', 'Exclusion indicators (recorded by screening)'),
  ('any_claim', 'interview_techniques', 'Every eligibility officer'),
  ('any_claim', 'evidence_assessment', 'Every eligibility officer');
