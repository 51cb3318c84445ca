-- The shipped gating rules state their reason in Spanish with the guide it comes from; a rule an
-- authority has already reworded keeps its wording.
UPDATE competency_gating_rules SET rationale = CASE rationale
    WHEN 'Child-friendly interview (domain.md §5, §6)' THEN 'Entrevista adaptada a la niñez por personal capacitado (EUAA, módulo Entrevista a niñas, niños y adolescentes; Guía práctica: la entrevista personal)'
    WHEN 'Interviews on sexual orientation and gender identity' THEN 'Entrevista sobre orientación sexual e identidad de género sin estereotipos (EUAA, módulo Género, identidad de género y orientación sexual)'
    WHEN 'Torture and sexual violence survivors' THEN 'Sobrevivientes de tortura y violencia sexual (EUAA, módulo Entrevista a personas vulnerables)'
    WHEN 'Mental-health indicators' THEN 'Indicios de salud mental (EUAA, módulo Entrevista a personas vulnerables)'
    WHEN 'Victims of trafficking' THEN 'Víctimas de trata de personas (EUAA, módulo Entrevista a personas vulnerables)'
    WHEN 'Exclusion indicators (recorded by screening)' THEN 'Indicios de exclusión, leídos de forma restrictiva (EUAA, módulo Exclusión)'
    WHEN 'Every eligibility officer' THEN 'Toda persona oficial de elegibilidad (EUAA, módulos básicos del currículo)'
    ELSE rationale END
 WHERE rationale IN ('Child-friendly interview (domain.md §5, §6)', 'Interviews on sexual orientation and gender identity',
   'Torture and sexual violence survivors', 'Mental-health indicators', 'Victims of trafficking',
   'Exclusion indicators (recorded by screening)', 'Every eligibility officer');
