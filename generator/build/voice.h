/*
 * Checks of how an assignment speaks to its reader: who asks each
 * question, and pictograms that still tell the steps apart across the
 * bank. kt_check_model calls both.
 */
#ifndef KT_VOICE_H
#define KT_VOICE_H

#include "diag.h"
#include "model/model.h"

/* A pictogram beside more steps of the bank than one in KT_PICTO_SHARE
 * (and more than KT_PICTO_FREE) no longer says which step it is. */
#define KT_PICTO_SHARE 10
#define KT_PICTO_FREE 2

/*
 * Warns on a question written in the first person ("ik", "mijn", and
 * their like in the languages it knows) that does not say who asks, and
 * on a question that starts with the label the sheet prints before it.
 */
void kt_check_voice(const struct kt_model *, struct kt_diag *);

/* Warns on a pictogram beside more than one step in KT_PICTO_SHARE of
 * the bank's assignments, at the first of those steps. */
void kt_check_pictograms(const struct kt_model *, struct kt_diag *);

#endif
