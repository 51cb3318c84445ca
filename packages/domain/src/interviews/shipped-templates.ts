/**
 * The questionnaires Refugio ships, in Spanish, for an authority to install and then adapt
 * (ADR 025). Their stages and checklists follow the EUAA practical guide on the personal
 * interview (preparation, opening and information, conducting, substance, closing, after) and
 * the EUAA practical guide on interviewing children; the substance to explore is the guide's
 * (identity, nationality, route, past events, feared harm, state protection, internal relocation,
 * exclusion indicators). INM's first contact registers the wish to seek protection and the needs
 * seen, without examining the claim: INM forwards it to COMAR, which is told within 72 hours
 * (Reglamento art. 22). COMAR's interviews examine it: an oral claim is recorded in an acta, with
 * an interpreter, free of charge (LRPCPAP arts. 18 and 23).
 */
import type { TemplateAudience } from './interviews.rules.ts';
import type { TTemplateContentInput } from './templates.schemas.ts';

export interface ShippedTemplate {
  code: string;
  title: string;
  audience: TemplateAudience;
  content: TTemplateContentInput;
}

type Question = TTemplateContentInput['stages'][number]['questions'][number];
const c = (id: string, text: string) => ({ id, text });
const q = (id: string, text: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({ id, text, type, ...extra });
const options = (...labels: Array<[string, string]>) => labels.map(([id, label]) => ({ id, label }));

const MARITAL = options(['soltera', 'Soltera o soltero'], ['casada', 'Casada o casado'], ['union_libre', 'Unión libre'],
  ['separada', 'Separada, separado o divorciada(o)'], ['viuda', 'Viuda o viudo'], ['prefiere_no_decir', 'Prefiere no decirlo']);

/** INM, first contact at a border post or detention centre: who the person is, whether they seek protection, what they need now. */
const INM_FIRST_CONTACT: ShippedTemplate = {
  code: 'inm_primer_contacto',
  title: 'Cuestionario de primer contacto (INM)',
  audience: 'first_contact',
  content: {
    stages: [
      {
        stage: 'preparation',
        guidance: 'El primer contacto no examina la solicitud: registra la voluntad de pedir protección y las necesidades visibles para canalizar a la COMAR.',
        checklist: [
          c('prep_espacio_privado', 'Buscar un espacio privado donde la persona no sea escuchada por otras personas detenidas o por quien la acompaña.'),
          c('prep_idioma', 'Identificar el idioma de la persona y conseguir intérprete si no habla español con soltura.'),
          c('prep_senales_vulnerabilidad', 'Observar señales de vulnerabilidad: niñas, niños o adolescentes solos, embarazo, discapacidad, lesiones, señales de control por terceros.'),
          c('prep_documentos', 'Reunir los documentos que la persona presenta, sin retenerlos más de lo necesario.'),
        ],
        questions: [],
      },
      {
        stage: 'opening',
        guidance: 'Use palabras sencillas. La persona no tiene que probar nada en este momento.',
        checklist: [
          c('open_presentacion', 'Presentarse, decir su función y la de cada persona presente.'),
          c('open_derecho_solicitar', 'Informar que tiene derecho a solicitar la condición de refugiado y que la COMAR es quien decide.'),
          c('open_plazo', 'Explicar el plazo de 30 días hábiles desde su ingreso para presentar la solicitud.'),
          c('open_confidencialidad', 'Explicar que lo que diga es confidencial y no se comparte con las autoridades de su país.'),
          c('open_comprension_interprete', 'Comprobar que la persona y el intérprete se entienden.'),
        ],
        questions: [],
      },
      {
        stage: 'conducting',
        guidance: 'Deje que la persona explique con sus palabras por qué salió de su país; no le pida detalles de lo que le ocurrió.',
        checklist: [
          c('cond_relato_libre', 'Dejar primero que la persona hable libremente.'),
          c('cond_no_examinar', 'No valorar la credibilidad ni el fondo: eso corresponde a la COMAR.'),
          c('cond_pausas', 'Ofrecer agua y pausas si la persona lo necesita.'),
        ],
        questions: [],
      },
      {
        stage: 'substance',
        guidance: '',
        checklist: [],
        questions: [
          q('pc_nombre', 'Nombre completo como la persona lo dice', 'text'),
          q('pc_nacionalidad', 'País de nacionalidad', 'country'),
          q('pc_fecha_nacimiento', 'Fecha de nacimiento (si la conoce)', 'date'),
          q('pc_idioma', 'Idioma o idiomas que habla', 'text'),
          q('pc_fecha_ingreso', 'Fecha de ingreso a México', 'date'),
          q('pc_lugar_ingreso', 'Lugar por donde ingresó', 'text'),
          q('pc_teme_regresar', '¿Teme regresar a su país?', 'yes_no', { help: 'Anote con sus palabras lo que la persona expresa, sin pedir detalles.' }),
          q('pc_desea_solicitar', '¿Desea solicitar la condición de refugiado en México?', 'yes_no'),
          q('pc_viaja_con', '¿Con quién viaja?', 'choice', { options: options(['solo', 'Sola o solo'], ['familia', 'Con familiares'], ['grupo', 'Con un grupo de personas'], ['otro', 'Otra situación']) }),
          q('pc_nna_sin_adulto', '¿Hay niñas, niños o adolescentes que viajan sin su madre, padre o tutor?', 'yes_no'),
          q('pc_atencion_urgente', '¿Necesita atención médica urgente?', 'yes_no', { sensitive: true }),
        ],
      },
      {
        stage: 'closing',
        guidance: '',
        checklist: [
          c('close_siguientes_pasos', 'Explicar los siguientes pasos: la canalización a la COMAR y el aviso dentro de 72 horas.'),
          c('close_informacion_escrita', 'Entregar la información por escrito en un idioma que la persona comprenda.'),
          c('close_lectura', 'Leer el registro a la persona y corregir lo que pida.'),
        ],
        questions: [q('pc_algo_mas', '¿Hay algo más que quiera decir?', 'text')],
      },
      {
        stage: 'after',
        guidance: '',
        checklist: [
          c('after_canalizar', 'Canalizar la solicitud a la COMAR el mismo día.'),
          c('after_necesidades', 'Avisar de las necesidades identificadas (niñez no acompañada a la Procuraduría de Protección; salud).'),
        ],
        questions: [],
      },
    ],
  },
};

/** COMAR's eligibility interview: the claim examined by the EUAA method. */
const COMAR_ELIGIBILITY: ShippedTemplate = {
  code: 'comar_elegibilidad',
  title: 'Entrevista de elegibilidad (COMAR)',
  audience: 'eligibility',
  content: {
    stages: [
      {
        stage: 'preparation',
        guidance: 'Prepare la entrevista con el expediente y la información del país de origen; confirme las garantías antes de empezar.',
        checklist: [
          c('prep_expediente', 'Leer el expediente y las declaraciones previas (INM, registro).'),
          c('prep_necesidades', 'Revisar las necesidades identificadas y que sus garantías procesales se cumplan.'),
          c('prep_coi', 'Estudiar la información del país de origen (COI) pertinente.'),
          c('prep_interprete', 'Confirmar intérprete del idioma (y variante) de la persona.'),
          c('prep_sexo_solicitado', 'Atender la petición de entrevistador o intérprete de un sexo determinado, y de terceros (abogado, persona de confianza).'),
          c('prep_aptitud', 'Verificar que la persona está en condiciones de ser entrevistada.'),
        ],
        questions: [],
      },
      {
        stage: 'opening',
        guidance: 'La apertura crea la confianza que permite el relato: dedique el tiempo necesario.',
        checklist: [
          c('open_presentaciones', 'Presentaciones y función de cada persona presente.'),
          c('open_objetivo', 'Explicar el objetivo de la entrevista y cómo se usará.'),
          c('open_confidencialidad', 'Explicar la confidencialidad, también para el intérprete.'),
          c('open_deber_cooperar', 'Explicar el deber de cooperar y de decir la verdad, y que puede decir "no sé" o "no recuerdo".'),
          c('open_comprension_interprete', 'Comprobar que la persona solicitante y el intérprete se entienden.'),
          c('open_pausas', 'Ofrecer pausas cuando la persona las necesite.'),
          c('open_lectura_firma', 'Explicar que al final se leerá el acta para corregirla antes de firmar.'),
        ],
        questions: [
          q('ap_estado_salud', '¿Se siente en condiciones de hacer la entrevista hoy?', 'yes_no'),
        ],
      },
      {
        stage: 'conducting',
        guidance: 'Primero el relato libre, luego preguntas abiertas y al final las de aclaración. Evite preguntas sugestivas.',
        checklist: [
          c('cond_relato_libre', 'Relato libre primero, sin interrupciones.'),
          c('cond_preguntas_abiertas', 'Seguir con preguntas abiertas y después preguntas de aclaración.'),
          c('cond_inconsistencias', 'Dar la oportunidad de explicar las inconsistencias o contradicciones.'),
          c('cond_pausas', 'Ofrecer pausas y registrar su hora.'),
          c('cond_senales_trauma', 'Estar atento a señales de trauma y adaptar el ritmo.'),
        ],
        questions: [],
      },
      {
        stage: 'substance',
        guidance: 'Explore cada tema necesario para analizar la solicitud; no todos se preguntan en este orden.',
        checklist: [],
        questions: [
          q('id_nombre', 'Nombre completo', 'text'),
          q('id_otros_nombres', 'Otros nombres que ha usado', 'text'),
          q('id_fecha_nacimiento', 'Fecha de nacimiento', 'date'),
          q('id_lugar_nacimiento', 'Lugar de nacimiento', 'text'),
          q('id_nacionalidad', 'País de nacionalidad', 'country'),
          q('id_otras_nacionalidades', '¿Tiene o ha tenido otra nacionalidad o residencia en otro país?', 'yes_no'),
          q('id_etnia_religion', 'Grupo étnico y religión, si la persona desea decirlo', 'text'),
          q('id_idiomas', 'Idiomas que habla', 'text'),
          q('id_documentos', 'Documentos de identidad que tiene o tuvo', 'text'),
          q('id_estado_civil', 'Estado civil', 'choice', { options: MARITAL }),
          q('fam_familia_origen', 'Familia que permanece en el país de origen y su situación', 'text'),
          q('ruta_fecha_salida', 'Fecha de salida del país de origen', 'date'),
          q('ruta_paises', 'Ruta: países por los que pasó y tiempo en cada uno', 'text'),
          q('ruta_fecha_ingreso', 'Fecha de ingreso a México', 'date'),
          q('ruta_proteccion_otro_pais', '¿Pidió protección en otro país?', 'yes_no'),
          q('hechos_que_ocurrio', '¿Qué le ocurrió antes de salir de su país?', 'text'),
          q('hechos_quien', '¿Quién le hizo daño o le amenazó?', 'text'),
          q('hechos_violencia_sexual', '¿Sufrió violencia sexual o de género?', 'yes_no', {
            sensitive: true, help: 'Solo si la persona lo trae al relato; no insista. Respuesta reservada por la política de datos sensibles.',
          }),
          q('temor_que_teme', '¿Qué teme que le ocurra si regresa?', 'text'),
          q('temor_quien', '¿Quién le haría daño si regresa?', 'text'),
          q('temor_por_que', '¿Por qué cree que le harían daño?', 'text'),
          q('proteccion_denuncia', '¿Pidió ayuda o denunció ante las autoridades?', 'yes_no'),
          q('proteccion_estado', '¿Podrían las autoridades de su país protegerle?', 'yes_no'),
          q('reubicacion_interna', '¿Podría vivir con seguridad en otra parte de su país?', 'yes_no'),
          q('exclusion_armado', '¿Ha pertenecido a fuerzas armadas, policía, un grupo armado o una pandilla?', 'yes_no'),
          q('exclusion_delitos', '¿Ha participado en hechos graves contra otras personas o ha sido acusado de un delito?', 'yes_no'),
          q('salud_condicion', '¿Tiene alguna condición de salud que debamos tomar en cuenta?', 'yes_no', { sensitive: true }),
        ],
      },
      {
        stage: 'closing',
        guidance: 'Cierre con calma y con un tema neutral.',
        checklist: [
          c('close_algo_mas', 'Preguntar si desea agregar algo.'),
          c('close_siguientes_pasos', 'Explicar los siguientes pasos y el plazo de la resolución.'),
          c('close_lectura', 'Leer el acta y permitir correcciones antes de las firmas.'),
          c('close_tema_neutral', 'Terminar con un tema neutral.'),
        ],
        questions: [q('cierre_algo_mas', '¿Desea agregar algo?', 'text')],
      },
      {
        stage: 'after',
        guidance: '',
        checklist: [
          c('after_completar', 'Completar el acta.'),
          c('after_observaciones', 'Anotar observaciones sin juicios de credibilidad.'),
          c('after_referir', 'Referir las necesidades identificadas durante la entrevista.'),
        ],
        questions: [],
      },
    ],
  },
};

/** COMAR's interview adapted to children (EUAA practical guide on interviewing children). */
const COMAR_CHILD: ShippedTemplate = {
  code: 'comar_nna',
  title: 'Entrevista adaptada a niñas, niños y adolescentes (COMAR)',
  audience: 'child',
  content: {
    stages: [
      {
        stage: 'preparation',
        guidance: 'El interés superior de la niña, niño o adolescente guía cada decisión de la entrevista.',
        checklist: [
          c('prep_representante', 'Confirmar que su representante o tutor está designado y estará presente.'),
          c('prep_sala', 'Preparar una sala adecuada para la niñez; entrevistar sin uniforme.'),
          c('prep_pausas_planeadas', 'Planear pausas cada 20 a 30 minutos.'),
          c('prep_interprete', 'Confirmar un intérprete con experiencia con niñas, niños y adolescentes.'),
          c('prep_edad_madurez', 'Revisar la edad, la madurez y el expediente antes de la entrevista.'),
        ],
        questions: [],
      },
      {
        stage: 'opening',
        guidance: 'Hable con palabras sencillas y compruebe que le entienden.',
        checklist: [
          c('open_presentacion_simple', 'Presentarse con palabras sencillas y decir quién es cada persona.'),
          c('open_puede_decir_no_se', 'Explicar que puede decir "no sé", "no entiendo" o pedir parar.'),
          c('open_confidencialidad', 'Explicar la confidencialidad con palabras que entienda.'),
          c('open_comprension_interprete', 'Comprobar que la niña, niño o adolescente y el intérprete se entienden.'),
          c('open_tema_neutral', 'Empezar con un tema neutral (escuela, juegos).'),
        ],
        questions: [],
      },
      {
        stage: 'conducting',
        guidance: 'Preguntas cortas, una idea a la vez; puede dibujar. Observe el cansancio.',
        checklist: [
          c('cond_relato_libre', 'Relato libre primero; puede dibujar o señalar.'),
          c('cond_preguntas_cortas', 'Hacer preguntas cortas y sin sugerir respuestas.'),
          c('cond_pausas', 'Ofrecer pausas y registrarlas.'),
          c('cond_inconsistencias', 'Dar con cuidado la oportunidad de aclarar lo que no coincide.'),
        ],
        questions: [],
      },
      {
        stage: 'substance',
        guidance: '',
        checklist: [],
        questions: [
          q('nna_nombre', '¿Cómo te llamas?', 'text'),
          q('nna_fecha_nacimiento', 'Fecha de nacimiento (o edad que dice tener)', 'date'),
          q('nna_pais', 'País de donde viene', 'country'),
          q('nna_vivia_con', '¿Con quién vivías en tu país?', 'text'),
          q('nna_escuela', '¿Ibas a la escuela? ¿Qué hacías en un día normal?', 'text'),
          q('nna_viaje', '¿Cómo fue el viaje hasta aquí y con quién viajaste?', 'text'),
          q('nna_que_paso', '¿Qué pasó antes de que salieras de tu país?', 'text'),
          q('nna_miedo_regresar', '¿Tienes miedo de regresar?', 'yes_no'),
          q('nna_que_pasaria', '¿Qué crees que pasaría si regresas?', 'text'),
          q('nna_quien_cuida', '¿Quién te cuida ahora?', 'text'),
          q('nna_buscar_familia', '¿Quieres que busquemos a tu familia?', 'yes_no'),
          q('nna_trabajo_forzado', '¿Alguien te obligó a trabajar o a hacer algo que no querías durante el viaje?', 'yes_no', { sensitive: true }),
        ],
      },
      {
        stage: 'closing',
        guidance: '',
        checklist: [
          c('close_algo_mas', 'Preguntar si quiere decir algo más.'),
          c('close_siguientes_pasos', 'Explicar qué pasará ahora con palabras sencillas.'),
          c('close_lectura', 'Leer el acta con su representante y corregir lo que pidan.'),
          c('close_tema_positivo', 'Agradecer y terminar con un tema neutral o positivo.'),
        ],
        questions: [q('nna_algo_mas', '¿Quieres decirnos algo más?', 'text')],
      },
      {
        stage: 'after',
        guidance: '',
        checklist: [
          c('after_madurez', 'Anotar observaciones sobre su madurez y cómo se comunicó.'),
          c('after_referir', 'Referir necesidades (Procuraduría de Protección, apoyo psicológico).'),
          c('after_interes_superior', 'Actualizar la determinación del interés superior.'),
        ],
        questions: [],
      },
    ],
  },
};

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [INM_FIRST_CONTACT, COMAR_ELIGIBILITY, COMAR_CHILD];

/** Which shipped questionnaires an institution gets, by its kind: INM its first contact, COMAR its interviews, others all. */
export function shippedFor(institutionKind: string): ShippedTemplate[] {
  if (institutionKind === 'migration_authority') return [INM_FIRST_CONTACT];
  if (institutionKind === 'asylum_authority') return [COMAR_ELIGIBILITY, COMAR_CHILD];
  return [...SHIPPED_TEMPLATES];
}
