-- Screening and procedural guarantees (ADR 024, ADR 026).

-- What someone saw or heard that suggests a specific need (EUAA IPSN tool: observable signs and
-- statements, not diagnoses), for one person of the claim, with who saw it, when and where. The
-- need itself is a vulnerability flag; indicators are the evidence behind it.
CREATE TABLE vulnerability_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  flag_id uuid NOT NULL REFERENCES vulnerability_flags(id),
  category text NOT NULL CHECK (category IN ('child', 'unaccompanied_child', 'disability', 'elderly', 'pregnant',
    'single_parent', 'trafficking', 'serious_illness', 'mental_disorder', 'violence_survivor', 'lgbtiq')),
  kind text NOT NULL CHECK (kind IN ('observed_sign', 'statement', 'document')),
  description text NOT NULL,
  sensitive boolean NOT NULL,
  observed_by text NOT NULL,
  observed_at timestamptz NOT NULL,
  observed_place text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users(id),
  withdrawn_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vulnerability_indicators_claim_idx ON vulnerability_indicators (claim_id);

-- A referral to a specialist (doctor, psychologist, DIF / Procuraduría de Protección for children,
-- anti-trafficking support…) and what came of it.
CREATE TABLE specialist_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  specialist text NOT NULL CHECK (specialist IN ('doctor', 'psychologist', 'dif_procuraduria', 'anti_trafficking', 'legal_aid', 'other')),
  -- Health, trauma and trafficking referrals fall under the field policy.
  sensitive boolean NOT NULL,
  reason text NOT NULL,
  referred_by uuid REFERENCES users(id),
  referred_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'declined')),
  outcome text,
  outcome_recorded_by uuid REFERENCES users(id),
  outcome_recorded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX specialist_referrals_claim_idx ON specialist_referrals (claim_id);

-- The best-interests assessment of a child of the claim (one per child, revised with a version).
CREATE TABLE best_interests_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  assessed_on date NOT NULL,
  assessed_by text NOT NULL,
  summary text NOT NULL,
  recommendations text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (claim_id, person_id)
);

-- The procedural guarantees a need calls for, as data with their source (law, EUAA or UNHCR
-- guidance); `governs_interview`: the interview may not start while it is pending.
CREATE TABLE guarantee_types (
  code text PRIMARY KEY,
  title jsonb NOT NULL,
  description jsonb NOT NULL,
  source text NOT NULL,
  governs_interview boolean NOT NULL,
  sort integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Which need calls for which guarantee; an administrator adds, changes or deactivates rules.
CREATE TABLE guarantee_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  need_code text NOT NULL CHECK (need_code IN ('child', 'unaccompanied_child', 'disability', 'elderly', 'pregnant',
    'single_parent', 'trafficking', 'serious_illness', 'mental_disorder', 'violence_survivor', 'lgbtiq')),
  guarantee_code text NOT NULL REFERENCES guarantee_types(code),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, need_code, guarantee_code)
);

-- A guarantee on one person of a claim: pending, met (with what proves it) or not applicable
-- (with a reason). Created when a need that calls for it is identified.
CREATE TABLE claim_guarantees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  guarantee_code text NOT NULL REFERENCES guarantee_types(code),
  -- The needs that call for it; sensitive when any of them is under the field policy.
  need_codes text[] NOT NULL,
  sensitive boolean NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'met', 'not_applicable')),
  evidence text,
  reason text,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (claim_id, person_id, guarantee_code),
  CHECK (status <> 'met' OR evidence IS NOT NULL),
  CHECK (status <> 'not_applicable' OR reason IS NOT NULL)
);
CREATE INDEX claim_guarantees_pending_idx ON claim_guarantees (claim_id) WHERE status = 'pending';

INSERT INTO guarantee_types (code, title, description, source, governs_interview, sort) VALUES
  ('prioritised_examination',
   '{"es-MX": "Examen prioritario", "en": "Prioritised examination", "fr": "Examen prioritaire"}',
   '{"es-MX": "La solicitud se tramita con prioridad.", "en": "The claim is processed with priority.", "fr": "La demande est traitée en priorité."}',
   'ACNUR, Directrices sobre protección internacional n.º 8: solicitudes de asilo de niños (2009); Ley General de los Derechos de Niñas, Niños y Adolescentes', false, 10),
  ('representative_present',
   '{"es-MX": "Representante o tutor designado y presente", "en": "Representative or guardian appointed and present", "fr": "Représentant ou tuteur désigné et présent"}',
   '{"es-MX": "Se designa pronto a quien representa a la niña, niño o adolescente y está presente en la entrevista.", "en": "Someone is appointed early to represent the child and is present at the interview.", "fr": "Un représentant de l’enfant est désigné tôt et présent à l’entretien."}',
   'Ley General de los Derechos de Niñas, Niños y Adolescentes (Procuraduría de Protección); EUAA, Guía práctica: entrevista a niñas y niños', true, 20),
  ('trained_interviewer_children',
   '{"es-MX": "Entrevistador capacitado en entrevista a la niñez", "en": "Interviewer trained to interview children", "fr": "Agent formé à l’entretien avec des enfants"}',
   '{"es-MX": "Entrevista adaptada a la niñez, por personal especialmente capacitado, según su madurez.", "en": "A child-friendly interview by specially trained staff, according to maturity.", "fr": "Un entretien adapté à l’enfant, mené par un agent spécialement formé, selon sa maturité."}',
   'EUAA, currículo: módulo Entrevista a niñas, niños y adolescentes; ACNUR, Directrices sobre protección internacional n.º 8: solicitudes de asilo de niños (2009)', true, 30),
  ('best_interests_assessment',
   '{"es-MX": "Evaluación del interés superior", "en": "Best-interests assessment", "fr": "Évaluation de l’intérêt supérieur"}',
   '{"es-MX": "El interés superior de la niña, niño o adolescente se evalúa y consta en el expediente.", "en": "The child’s best interests are assessed and recorded in the file.", "fr": "L’intérêt supérieur de l’enfant est évalué et consigné au dossier."}',
   'Convención sobre los Derechos del Niño, art. 3; Ley de Migración', false, 40),
  ('dif_referral',
   '{"es-MX": "Canalización al DIF y a la Procuraduría de Protección", "en": "Referral to DIF and the Child Protection Office", "fr": "Orientation vers le DIF et le Bureau de protection de l’enfance"}',
   '{"es-MX": "La niña, niño o adolescente no acompañado se canaliza de inmediato y no se le detiene.", "en": "The unaccompanied child is referred at once and not detained.", "fr": "L’enfant non accompagné est orienté sans délai et n’est pas retenu."}',
   'Ley de Migración; Ley General de los Derechos de Niñas, Niños y Adolescentes', false, 50),
  ('fitness_for_interview',
   '{"es-MX": "Aptitud para la entrevista verificada", "en": "Fitness for interview checked", "fr": "Aptitude à l’entretien vérifiée"}',
   '{"es-MX": "Un médico o psicólogo verifica si la persona puede ser entrevistada ahora, o si conviene posponer.", "en": "A doctor or psychologist checks whether the person can be interviewed now, or whether to postpone.", "fr": "Un médecin ou un psychologue vérifie si la personne peut être entendue maintenant, ou s’il faut reporter."}',
   'EUAA, Guía práctica: la entrevista personal; Protocolo de Estambul', true, 60),
  ('interviewer_requested_sex',
   '{"es-MX": "Entrevistador del sexo solicitado", "en": "Interviewer of the requested sex", "fr": "Agent du sexe demandé"}',
   '{"es-MX": "Si la persona lo pide, la entrevista la conduce alguien del sexo que prefiere.", "en": "If the person asks, the interview is conducted by someone of the sex they prefer.", "fr": "Si la personne le demande, l’entretien est mené par une personne du sexe qu’elle préfère."}',
   'EUAA, Guía práctica: la entrevista personal; ACNUR, Directrices sobre persecución por motivos de género', true, 70),
  ('interpreter_requested_sex',
   '{"es-MX": "Intérprete del sexo solicitado", "en": "Interpreter of the requested sex", "fr": "Interprète du sexe demandé"}',
   '{"es-MX": "Si la persona lo pide, interpreta alguien del sexo que prefiere.", "en": "If the person asks, an interpreter of the sex they prefer interprets.", "fr": "Si la personne le demande, un interprète du sexe qu’elle préfère interprète."}',
   'EUAA, Guía práctica: la entrevista personal', true, 80),
  ('breaks_planned',
   '{"es-MX": "Pausas previstas", "en": "Breaks planned", "fr": "Pauses prévues"}',
   '{"es-MX": "La entrevista prevé pausas y un ritmo adaptado.", "en": "The interview plans breaks and an adapted pace.", "fr": "L’entretien prévoit des pauses et un rythme adapté."}',
   'EUAA, Guía práctica: la entrevista personal', true, 90),
  ('trained_interviewer_vulnerable',
   '{"es-MX": "Entrevistador capacitado en personas vulnerables", "en": "Interviewer trained for vulnerable persons", "fr": "Agent formé aux personnes vulnérables"}',
   '{"es-MX": "Preguntas informadas por el trauma, por personal capacitado.", "en": "Trauma-informed questioning by trained staff.", "fr": "Un questionnement tenant compte du traumatisme, par un agent formé."}',
   'EUAA, currículo: módulo Entrevista a personas vulnerables', true, 100),
  ('trained_interviewer_sogi',
   '{"es-MX": "Entrevistador capacitado en orientación sexual e identidad de género", "en": "Interviewer trained in sexual orientation and gender identity", "fr": "Agent formé à l’orientation sexuelle et à l’identité de genre"}',
   '{"es-MX": "Sin preguntas estereotipadas, por personal capacitado.", "en": "No stereotyped questions, by trained staff.", "fr": "Pas de questions stéréotypées, par un agent formé."}',
   'ACNUR, Directrices sobre protección internacional n.º 9 (orientación sexual e identidad de género); EUAA, currículo: módulo Género, identidad de género y orientación sexual', true, 110),
  ('confidentiality_reinforced',
   '{"es-MX": "Confidencialidad reforzada", "en": "Reinforced confidentiality", "fr": "Confidentialité renforcée"}',
   '{"es-MX": "Se explica y se asegura que nada se compartirá sin su consentimiento.", "en": "It is explained and ensured that nothing is shared without consent.", "fr": "Il est expliqué et garanti que rien ne sera partagé sans consentement."}',
   'Ley sobre Refugiados, Protección Complementaria y Asilo Político (principio de confidencialidad); ACNUR, Directrices n.º 9', true, 120),
  ('specialist_support',
   '{"es-MX": "Apoyo especializado con consentimiento", "en": "Specialist support, with consent", "fr": "Soutien spécialisé, avec consentement"}',
   '{"es-MX": "Canalización a apoyo especializado contra la trata; nada se comparte sin consentimiento.", "en": "Referral to specialist anti-trafficking support; nothing is shared without consent.", "fr": "Orientation vers un soutien spécialisé contre la traite ; rien n’est partagé sans consentement."}',
   'Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas; EUAA, herramienta IPSN', false, 130),
  ('adapted_communication',
   '{"es-MX": "Comunicación adaptada", "en": "Adapted communication", "fr": "Communication adaptée"}',
   '{"es-MX": "Preparación adicional y comunicación adaptada a la discapacidad.", "en": "Extra preparation and communication adapted to the disability.", "fr": "Une préparation supplémentaire et une communication adaptée au handicap."}',
   'Convención sobre los Derechos de las Personas con Discapacidad, arts. 9 y 13; EUAA, herramienta IPSN', true, 140),
  ('pregnancy_scheduling',
   '{"es-MX": "Citas fuera del periodo protegido del embarazo", "en": "Appointments outside the protected period of pregnancy", "fr": "Rendez-vous hors de la période protégée de la grossesse"}',
   '{"es-MX": "Las citas se programan según el embarazo.", "en": "Appointments are scheduled around the pregnancy.", "fr": "Les rendez-vous sont fixés en tenant compte de la grossesse."}',
   'EUAA, herramienta IPSN', true, 150);

INSERT INTO guarantee_rules (need_code, guarantee_code) VALUES
  ('child', 'prioritised_examination'), ('child', 'representative_present'), ('child', 'trained_interviewer_children'),
  ('child', 'best_interests_assessment'), ('child', 'breaks_planned'),
  ('unaccompanied_child', 'prioritised_examination'), ('unaccompanied_child', 'representative_present'),
  ('unaccompanied_child', 'trained_interviewer_children'), ('unaccompanied_child', 'best_interests_assessment'),
  ('unaccompanied_child', 'dif_referral'), ('unaccompanied_child', 'breaks_planned'),
  ('violence_survivor', 'fitness_for_interview'), ('violence_survivor', 'interviewer_requested_sex'),
  ('violence_survivor', 'interpreter_requested_sex'), ('violence_survivor', 'breaks_planned'),
  ('violence_survivor', 'trained_interviewer_vulnerable'),
  ('mental_disorder', 'fitness_for_interview'), ('mental_disorder', 'breaks_planned'), ('mental_disorder', 'trained_interviewer_vulnerable'),
  ('serious_illness', 'fitness_for_interview'), ('serious_illness', 'breaks_planned'),
  ('lgbtiq', 'confidentiality_reinforced'), ('lgbtiq', 'trained_interviewer_sogi'),
  ('trafficking', 'specialist_support'), ('trafficking', 'confidentiality_reinforced'), ('trafficking', 'trained_interviewer_vulnerable'),
  ('disability', 'adapted_communication'),
  ('pregnant', 'pregnancy_scheduling'),
  ('elderly', 'breaks_planned');
