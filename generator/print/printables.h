/*
 * Internal to print/: each printable drawn for a job of the plan with a
 * kit lent to it. The files are the job's; the kit writes them.
 */
#ifndef KT_PRINTABLES_H
#define KT_PRINTABLES_H

#include "print/pdfkit.h"

/* sheet.c: a chunk of sheets (home, or beside the Dutch), each cut to
 * its file; a part of a year's bundle joined from its chunks */
void kt_sheets_chunk(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_sheets_bundle(struct kt_pdfkit *, const struct kt_plan_job *);

/* evening.c */
void kt_invitation(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_statements(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_runsheet(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_compliments(struct kt_pdfkit *, const struct kt_plan_job *);

/* mentor.c: tip cards; the class checklist, blank or with the names */
void kt_tipcards(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_checklist(struct kt_pdfkit *, const struct kt_plan_job *);

/* talk.c: a talk's preparation sheet for the family (one language, or
 * beside the Dutch), and the mentor's one-page guide */
void kt_talk_family(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_talk_guide(struct kt_pdfkit *, const struct kt_plan_job *);

#endif
