import { z } from 'zod';

/** Every kind of audit event. Closed: a new kind is added here first. */
export const AUDIT_ACTIONS = [
  'auth.login', // password (and second factor) accepted, session opened
  'auth.login_failed', // every refused sign-in; details.reason: unknown_user, wrong_password, inactive, held, rate_limited, address_locked, wrong_code, replayed_code, wrong_recovery_code, locked; details.address
  'auth.locked', // too many failures: details.address held off this username for details.minutes (or, with details.secondFactor, the account's second step locked)
  'auth.address_locked', // too many failures from one address, any usernames: the address is refused for details.minutes (ADR 021)
  'auth.spray_detected', // administrator alert: details.accounts usernames failed from details.address within details.minutes (password spraying)
  'auth.recovery_code_used', // a recovery code replaced the authenticator's code at sign-in; details.left
  'auth.recovery_codes_replaced', // the user asked for new recovery codes (the old ones no longer work)
  'auth.logout', // session closed by the user
  'auth.password_changed', // by the user themself
  'auth.totp_enrolled',
  'auth.totp_disabled',
  'user.created',
  'user.updated', // details.changes lists the fields with before/after (secrets as digests)
  'user.disabled',
  'user.enabled',
  'user.password_reset', // by an administrator or the CLI
  'user.read', // a user record opened by someone else
  'role.created',
  'role.updated',
  'institution.created',
  'institution.updated',
  'office.created',
  'office.updated',
  'claim.created', // a claim registered with its family (details: claimNumber, personIds, flags; sensitive ones as 'sensitive')
  'claim.viewed', // a claim file opened (every read of a person's file is audited)
  'claim.updated', // modality or entry date changed; details.changes
  'claim.person_updated', // a person's data corrected from one of their claims; details.claimId, changes
  'claim.assigned', // details.from, details.to (officer ids; null = unassigned), reason
  'claim.flag_recorded', // a vulnerability flag; details.category is 'sensitive' for the field-policy categories
  'claim.flag_withdrawn', // details.flagId, category (or 'sensitive')
  'claim.admitted', // lifecycle: registered or late-filing review → admitted
  'claim.late_filing_review_opened', // lifecycle: prevención opened because the filing limit was missed
  'claim.interview_scheduled', // lifecycle
  'claim.interviewed', // lifecycle
  'claim.assessment_started', // lifecycle
  'claim.decision_drafted', // lifecycle
  'claim.submitted_for_review', // lifecycle
  'claim.returned_to_drafting', // lifecycle: the reviewer sent the draft back; details.reason
  'claim.decided', // lifecycle
  'claim.notified', // lifecycle
  'claim.closed', // lifecycle
  'claim.abandoned', // side exit; details.reason
  'claim.withdrawn', // side exit; details.reason
  'claim.transferred', // side exit; details.toOfficeId, reason
  'claim.reopened', // a supervisor reopened a closed file (ADR 050); details.from, to (= restoredStatus), reason
  'referral.created', // first contact referred a person to COMAR; details.targetOfficeId
  'referral.viewed', // a referral opened
  'referral.accepted', // COMAR accepted: details.claimId of the claim created
  'referral.returned', // COMAR returned it; details.reason
  'calendar.created', // an authority's or office's calendar extending another
  'calendar.updated', // name, or made the default for claims
  'calendar.rule_added', // a declared day, range or suspension; details: changeId, movedClocks, movedClaims
  'calendar.rule_removed', // same details; the moved due dates are in claim_clock_moves
  'claim_clock.changed', // a claim clock started later, paused, resumed, extended or stopped; details.change
  'person.duplicate_checked', // details.candidates: who was shown (score, inside the caller's scope or not)
  'person.not_duplicate_recorded', // a clerk: entity and details.otherPersonId are not the same person
  'person.merged', // entity is the survivor; details: mergeId, mergedId, reason, rows moved per table
  'person.merge_undone', // details: mergeId, mergedId, reason, rows moved back per table
  'system.demo_seeded',
  'system.restored', // a backup was restored into this database
  'synthetic.loaded', // `refugio synthetic load`: one event per batch of fake claims with its counts (not one per claim)
  // Training records and certificates (ADR 016).
  'training.record_updated', // an online completion, attendance day or assessment set or cleared by hand; entity is the enrolment; details: sessionId, part, before, after
  'training.import_accepted', // a CSV file applied whole; entity is the session; details: kind, fileName, sha256, records, and after a review matched and ignored (counts)
  'training.import_rejected', // a CSV file refused whole (nothing applied); entity is the session; details: kind, fileName, sha256, errors (count)
  'training.import_held', // a file whose only problem is rows matching nobody enrolled, held for the coordinator to match or ignore them (ADR 023); details: kind, fileName, sha256, unmatched (count)
  'training.competencies_granted', // an enrolment completed its module; details: userId, competencies, grantedOn, expiresOn
  'training.competencies_revoked', // a corrected record made the enrolment incomplete or changed its date; details: competencies, reason
  'training.certificates_issued', // one batch of certificates; entity is the session; details: certificateIds
  'training.certificate_revoked', // by the coordinator, with details.reason
  // Training sessions and enrolment (ADR 015).
  'evaluation.created', // a capacity-building action recorded for evaluation (ADR 047); details: title, kind, sessions, criteria
  'evaluation.updated', // the action's record replaced; details: title, version, sessions, criteria with their ratings
  'evaluation.report_exported', // the evaluation report downloaded as a PDF for outside readers; details: language, bytes
  'training.session_created', // details: code, moduleCode, format, capacity, days
  'training.session_status_changed', // details: from, to
  'training.enrolled', // entity is the enrolment; details: sessionId, userId, status (enrolled or waitlisted), prerequisiteOverride and missing when overridden
  'training.enrolment_cancelled', // details: sessionId, reason
  'training.enrolment_promoted', // the first of the waiting list took a freed place; details: sessionId, freedBy (a cancelled enrolment) or capacity (raised)
  'training.session_updated', // place, dates, capacity, self-enrolment, language or trainers changed; details: code, changed (field names)
  'training.enrolment_requested', // a staff member asked for a place (self-enrolment); entity is the enrolment; details: sessionId, userId
  'training.request_approved', // details: sessionId, userId, status (enrolled or waitlisted)
  'training.request_rejected', // details: sessionId, userId, reason
  'training.request_withdrawn', // by the requester; details: sessionId
  'training.session_guide_assigned', // a guide (by code) given to a session as pre-reading; entity is the session; details: guideCode
  'training.session_guide_removed', // details: guideCode
  'training.guide_acknowledged', // a participant read a pre-reading guide; entity is the enrolment; details: sessionId, guideCode, guideId, language, version
  'training.trainer_added', // to the roster; details: fullName, organisation, userId
  'training.trainer_certified', // certified (again) for a module; details: moduleId, certifiedOn, expiresOn
  // Curriculum, guides library and trainer roster (ADR 013).
  'training.module_created', // a module added to the curriculum; details: code, level, competencies
  'training.module_updated', // details: code, changed (names of the fields that changed)
  'training.guide_version_added', // entity is the new version; details: code, language, version, kind, url or fileName/sha256/sizeBytes
  'training.guide_linked', // a guide code linked to a module (entity); details: guideCode, moduleCode
  'training.guide_unlinked', // details: guideCode, moduleCode
  'training.trainer_updated', // a roster entry edited or deactivated; details: fullName, organisation, active
  'training.trainer_certification_removed', // details: moduleId, certifiedOn
  // Needs assessment (ADR 018).
  'training.campaign_created', // details: title, officeId, opensOn, closesOn
  'training.campaign_updated', // details: changed (names of the fields that changed), status
  'training.needs_answered', // a staff member's questionnaire, first answer or change; entity is the campaign; details: userId, version
  'training.plan_exported', // the proposed plan downloaded; entity is the campaign; details: format, items
  // Competency register and gating rules (ADR 014).
  'competency.granted', // experience route or external certificate recorded by the coordinator; details: userId, competency, source, dates, renews
  'competency.revoked', // details: userId, competency, reason
  'gating_rule.created', // details: needCode, competencyCode, rationale
  'gating_rule.updated', // activated or deactivated; details: before, after
  // The procedure's safeguards (ADR 019).
  'claim.approved', // lifecycle: the reviewed draft approved by a second officer
  'claim.appeal_lodged', // lifecycle: recurso de revisión lodged
  'claim.appeal_resolved', // lifecycle: the appeal resolved (decision confirmed or revoked)
  'claim.sent_back', // lifecycle: the appeal sends the claim back for a new decision
  'claim.interview_started', // the personal interview began (its record opened); details.interviewId
  // Screening and guarantees (ADR 026).
  'claim.screening_viewed', // a claim's screening read (indicators, referrals, assessments, guarantees)
  'claim.indicator_recorded', // details.indicatorId, flagId, personId, kind; category 'sensitive' under the field policy
  'claim.indicator_withdrawn', // details.indicatorId, category
  'claim.specialist_referred', // details.referralId, personId, specialist ('sensitive' for health, trauma, trafficking)
  'claim.specialist_outcome_recorded', // details.referralId, status
  'claim.best_interests_recorded', // details.personId, assessedOn, revised
  'claim.guarantee_decided', // details.guaranteeId, guarantee ('sensitive' under the field policy), from, to
  'guarantee_rule.created', // details: needCode, guaranteeCode
  'guarantee_rule.updated', // activated or deactivated; details: before, after
  'guarantee_type.updated', // source or whether it governs the interview; details: code, before, after
  // The authority's interview questionnaires (ADR 025).
  'interview_template.installed', // the shipped questionnaires installed for an institution; details.codes
  'interview_template.updated', // a draft changed in place; details: code, version, titleChanged
  'interview_template.version_created', // an edit of a published version became the next version (a draft); details: code, version, basedOn
  'interview_template.published', // details: code, version, retired (the versions it superseded)
  // The personal interview's record (ADR 025): every read and write, never its content.
  'interview.viewed', // the whole record opened by a reader of the claim; details: claimId, status
  'interview.participation_viewed', // an interpreter opened their participation; details.claimId
  'interview.text_saved', // narrative or observations autosaved; details: field, version, length
  'interview.answer_saved', // details: questionId, version
  'interview.checklist_saved', // details: itemId, done, version
  'interview.participant_added', // details: participantId, role
  'interview.participant_updated', // details: participantId, role, changed
  'interview.participant_removed', // details: participantId, role
  'interview.break_started', // details.breakId
  'interview.break_ended', // details.breakId
  'interview.read_back', // questioning ended, the record read back; details.claimId
  'interview.corrected', // a correction on read-back; details: correctionId, target, requestedBy
  'interview.signed', // one signature; details: role, method
  'interview.locked', // every signature given: the record locked; details: claimId, recordSha256
  'interview.annex_added', // details: annexId, length
  'interview.audio_attached', // details: audioId, sha256, byteSize, contentType
  'interview.audio_downloaded', // details: audioId, sha256
  'interview.record_exported', // the acta downloaded as PDF; details: claimId, status, recordSha256
  'procedure.safeguard_switched', // an authority switched a safeguard off or back on; details: safeguard, institutionId, enabled, before, reason
  // Interpreters and scheduling (ADR 027). Every read of a person's appointments is an event too.
  'interpreter.created', // a roster entry; details: kind, languages, offices, userId
  'interpreter.updated', // details.changes: the fields changed with before/after
  'appointment.booked', // entity is the appointment; details: claimId, officerId, interpreterId, room, startsAt, endsAt, requests, stepTaken, overridden
  'appointment.rescheduled', // entity is the new appointment; details: claimId, fromAppointmentId, reason, clockResumed
  'appointment.no_show_recorded', // details: claimId, reason
  'appointment.postponed', // for a guarantee; details: claimId, guarantee, reason, clockPaused, legalBasis
  'appointment.viewed', // a claim's appointments read (list or one); details: claimId, count
  'appointment.agenda_viewed', // an officer's agenda read; details: officerId, from, to, count (claims named by id)
  'appointment.bookings_viewed', // an interpreter read their own bookings; details: count
  'appointment.notice_printed', // the applicant's notice rendered; details: claimId, language, fallback
  'appointment.calendar_exported', // the .ics for staff calendars; details: claimId
  'signature.recorded', // a weekly signature (Reglamento art. 24); entity is the record; details: claimId, signedOn, officeId
  'signature.viewed', // a claim's signatures and missed weeks read; details: claimId
  'abandonment.queue_viewed', // the supervisor's queue of proposed abandonments; details: count (claim ids)
  'abandonment.dismissed', // a proposed abandonment turned down; entity is the claim; details: missedWeeks, streakFrom, reason
  'scheduling.settings_updated', // an authority's threshold or postponement rule; details.changes
  // The COI library and the claim's assessment (ADR 029). Every read of an assessment is an event too.
  'coi_source.created', // a source added to the library; details: title, publisher, publishedOn, countries, topics
  'coi_source.file_attached', // its PDF; details: fileName, sha256, sizeBytes
  'coi_source.retired', // details: reason, citedBy (evidence items that keep citing it)
  'coi.settings_updated', // an authority's age limit for sources; details: before, after
  'claim.assessment_viewed', // a claim's assessment read (facts, evidence, analysis); details: facts
  'claim.assessment_analysis_updated', // risk and legal analysis; details.changed names the fields, exclusionReviewCleared
  'claim.exclusion_reviewed', // a supervisor reviewed the considered exclusion (1951 Convention art. 1F)
  'claim.fact_added', // details: factId, kind ('sensitive' under the field policy), position
  'claim.fact_updated', // details: factId, changed (field names), conclusion before/after
  'claim.fact_removed', // details: factId, kind, evidence (items removed with it)
  'claim.facts_reordered', // details: factIds in the new order
  'claim.evidence_added', // details: factId, evidenceId, kind, interviewId, coiSourceId, sha256
  'claim.evidence_removed', // details: factId, evidenceId, kind
  'claim.evidence_downloaded', // an uploaded document read; details: evidenceId, sha256
  // The reasoned decision, its review, notification and appeal (ADR 030); the steps keep their claim.* events, extended with the decision's id.
  'decision.viewed', // a claim's decision read; entity is the claim; details: decisionId, status, redacted
  'decision.section_saved', // one section saved; details: decisionId, section, version (never the text)
  'decision.outcome_changed', // while drafting; details: decisionId, before, after, persons
  'decision.comment_added', // a reviewer's comment; details: decisionId, commentId, section, rating, round
  'decision.comment_resolved', // the drafter marked a comment dealt with; details: decisionId, commentId
  'decision.pdf_downloaded', // the decision's PDF read (a draft rendered, or the signed document); details: decisionId, signed, sha256
  'decision.inm_notice_printed', // the notice to INM for the migration document; details: decisionId
] as const;

export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof ZAuditAction>;
