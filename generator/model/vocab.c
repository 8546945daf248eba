/*
 * The fixed vocabularies of the Dutch school system and of the content
 * types, and the "did you mean" matcher used for every name a user types.
 */
#include "model/model.h"

#include <string.h>

static const char *const school_types[] = {
	"vmbo-basis", "vmbo-kader", "vmbo-gemengd", "vmbo-theoretisch",
	"havo", "vwo", "mbo", NULL
};
static const char *const competence_names[] = {
	"motievenreflectie", "kwaliteitenreflectie", "werkexploratie",
	"loopbaansturing", "netwerken", NULL
};
static const char *const phases[] = {
	"oriënteren", "verkennen", "verdiepen", "beslissen", NULL
};
static const char *const choices[] = {
	"profiel", "sector", "stage", "vervolgstudie", "arbeidsmarkt", NULL
};
static const char *const group_names[] = {
	"contact", "samenwerking", "toekomst", "gesprekken", NULL
};
static const char *const work_form_names[] = {
	"plenair", "carrousel", "gesprek-in-groepjes", "debat",
	"elevator-pitch", "presentaties", "gastles", "informatiemarkt",
	"rondleiding", "pauze", NULL
};
static const char *const role_names[] = {
	"mentor", "decaan", "leerlingen", "gastouders", "schoolleiding",
	"ouders", NULL
};
static const char *const audience_names[] = {
	"ouders", "ouders-en-leerlingen", NULL
};
static const char *const for_names[] = { "mentor", "school", NULL };
static const char *const translation_names[] = { "concept", "nagekeken", NULL };
/* who asks a question: the parent the pupil, the pupil the parent, or
 * the two decide together */
static const char *const asker_names[] = { "ouder", "leerling", "samen", NULL };
static const char *const talk_names[] = {
	"kennismaking", "voortgangsgesprek", "keuze", NULL
};
/* the parts of a talk, in the order they are held */
static const char *const talk_part_names[] = {
	"terugblik", "leerling", "ouder", "vervolgstappen", NULL
};

const struct kt_vocab kt_vocabs[KT_V_COUNT] = {
	[KT_V_SCHOOL_TYPE] = { "onderwijstype", school_types },
	[KT_V_COMPETENCE] = { "competenties", competence_names },
	[KT_V_PHASE] = { "fase", phases },
	[KT_V_CHOICE] = { "keuze", choices },
	[KT_V_GROUP] = { "groep", group_names },
	[KT_V_WORK_FORM] = { "werkvorm", work_form_names },
	[KT_V_ROLE] = { "rol", role_names },
	[KT_V_AUDIENCE] = { "doelgroep", audience_names },
	[KT_V_FOR] = { "voor", for_names },
	[KT_V_TRANSLATION] = { "vertaling", translation_names },
	[KT_V_ASKER] = { "vraagt", asker_names },
	[KT_V_TALK] = { "soort", talk_names },
	[KT_V_TALK_PART] = { "deel", talk_part_names },
};

int
kt_vocab_find(enum kt_vocab_id v, const char *s)
{
	for (int i = 0; kt_vocabs[v].values[i] != NULL; i++)
		if (strcmp(kt_vocabs[v].values[i], s) == 0)
			return i;
	return -1;
}

const char *
kt_vocab_name(enum kt_vocab_id v, int i)
{
	return kt_vocabs[v].values[i];
}

int
kt_vocab_size(enum kt_vocab_id v)
{
	int n = 0;

	while (kt_vocabs[v].values[n] != NULL)
		n++;
	return n;
}

/* Levenshtein distance over arrays of characters, two rows of memory. */
static guint
distance(const gunichar *a, glong na, const gunichar *b, glong nb)
{
	guint *prev = g_new(guint, nb + 1), *cur = g_new(guint, nb + 1);
	guint d;

	for (glong j = 0; j <= nb; j++)
		prev[j] = (guint)j;
	for (glong i = 1; i <= na; i++) {
		cur[0] = (guint)i;
		for (glong j = 1; j <= nb; j++) {
			guint sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			guint del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = MIN(sub, MIN(del, ins));
		}
		guint *t = prev;
		prev = cur;
		cur = t;
	}
	d = prev[nb];
	g_free(prev);
	g_free(cur);
	return d;
}

/* Folded and without accents, so "orienteren" finds "oriënteren". */
static gunichar *
fold(const char *s, glong *n)
{
	char *lower = g_utf8_casefold(s, -1);
	char *norm = g_utf8_normalize(lower, -1, G_NORMALIZE_NFD);
	GString *out = g_string_new(NULL);
	gunichar *u;

	for (const char *p = norm; p != NULL && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK)
			g_string_append_unichar(out, c);
	}
	u = g_utf8_to_ucs4_fast(out->str, -1, n);
	g_string_free(out, TRUE);
	g_free(norm);
	g_free(lower);
	return u;
}

const char *
kt_suggest(const char *s, const char *const *candidates, guint n)
{
	glong ns, nc;
	gunichar *us;
	const char *best = NULL;
	guint best_d = G_MAXUINT;

	if (s == NULL || !g_utf8_validate(s, -1, NULL) || strlen(s) > 200)
		return NULL;
	us = fold(s, &ns);
	for (guint i = 0; i < n; i++) {
		gunichar *uc = fold(candidates[i], &nc);
		guint d = distance(us, ns, uc, nc);

		/* a prefix ("netwerk" for "netwerken") is a typo too */
		if (nc > ns && ns >= 4 && memcmp(us, uc, ns * sizeof *us) == 0)
			d = MIN(d, 1);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
		g_free(uc);
	}
	g_free(us);
	/* close enough: at most a third of the word, and at most 3 edits */
	if (best != NULL && best_d <= 3 && best_d * 3 <= (guint)MAX(ns, 3))
		return best;
	return NULL;
}
