/*
 * Diagnostics: every problem found in content is collected here as
 * path:line:column: severity: message, so one run reports them all.
 * Nothing here prints until kt_diag_print(); nothing here exits.
 */
#ifndef KT_DIAG_H
#define KT_DIAG_H

#include <glib.h>
#include <stdio.h>

enum kt_severity { KT_ERROR, KT_WARNING };

struct kt_problem {
	char *path;		/* as given on the command line, relative */
	int line;		/* 1-based; 0 when the whole file is meant */
	int col;		/* 1-based, in characters; 0 when unknown */
	enum kt_severity severity;
	char *message;
};

struct kt_diag {
	GPtrArray *problems;	/* of struct kt_problem *, owned */
	GHashTable *once;	/* kt_diag_once()'s keys */
	GMutex lock;		/* renderers may report from worker threads */
};

/* The caller frees it with kt_diag_free. */
struct kt_diag *kt_diag_new(void);
void kt_diag_free(struct kt_diag *);

void kt_error(struct kt_diag *, const char *path, int line, int col,
    const char *fmt, ...) G_GNUC_PRINTF(5, 6);
void kt_warning(struct kt_diag *, const char *path, int line, int col,
    const char *fmt, ...) G_GNUC_PRINTF(5, 6);

size_t kt_diag_count(const struct kt_diag *, enum kt_severity);

/* TRUE the first time key is given in this run, for a problem that many
 * files share and that is reported once. */
gboolean kt_diag_once(struct kt_diag *, const char *key);

/* Sorts by path, line and column, then prints to the stream. */
void kt_diag_print(struct kt_diag *, FILE *);

#endif
