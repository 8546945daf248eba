/*
 * The options of every command, and two of the commands: build (load,
 * check, render, swap out/ in) and check (load and report). Both return
 * the process exit status.
 */
#ifndef KT_BUILD_H
#define KT_BUILD_H

#include <stdbool.h>

/* Debian's hyphenation patterns, for counting syllables. */
#define KT_HYPHEN_DIR "/usr/share/hyphen"

struct kt_options {
	const char *content;
	const char *out;
	const char *theme;
	const char *openmoji;
	const char *stemmers;	/* search.js's stemmers: nl.js, tr.js, ar.js;
				 * NULL: node_modules/@orama/stemmers/dist */
	long long epoch;	/* SOURCE_DATE_EPOCH, or -1 */
	bool quiet;
	bool verbose;		/* the time each stage takes */
	bool json;		/* check: --format json */
	int jobs;		/* threads; 0: one per core */
	bool no_pdf;		/* the website only */
	/* for the printables; NULL when not given */
	const char *mentor, *phone, *due;
	const char *date, *start, *place;
	const char *class_list;	/* a file with a pupil's name on each line */
	const char *class_dir;	/* where the checklists with names go */
	/* init, new and serve */
	const char *templates;	/* init: templates/init; new: templates/new */
	const char *lang;	/* new --taal: a translation into it */
	int port;		/* serve --poort; 0: any free port */
	/* print */
	const char *class_name;	/* --klasnaam: 3B */
	const char *print_dir;	/* --map: where print writes */
	int minutes, pause;	/* print gesprek: --duur (0: not given), --pauze */
	/* the dates as given, in ISO form: due and date point here */
	char due_iso[11], date_iso[11];
};

struct kt_diag;
struct kt_model;
/* The content of o loaded (the folders checked first), or NULL after the
 * problems went to d; the caller frees it with kt_model_free. */
struct kt_model *kt_build_load(const struct kt_options *, struct kt_diag *);

int kt_cmd_build(const struct kt_options *);
int kt_cmd_check(const struct kt_options *);

#endif
