/*
 * The loader: reads the content folder and the theme into a model, and
 * reports every problem it finds to the diagnostics, all in one pass.
 */
#ifndef KT_LOAD_H
#define KT_LOAD_H

#include "diag.h"
#include "model/model.h"

struct kt_paths {
	const char *content;	/* content/ */
	const char *theme;	/* themes/default */
	const char *openmoji;	/* node_modules/openmoji/black/svg */
	int jobs;		/* threads reading items; 0: one a core */
};

/* Always returns a model, complete as far as the content allowed; the
 * caller frees it with kt_model_free. */
struct kt_model *kt_load(const struct kt_paths *, struct kt_diag *);

/* The parts, for tests. */
void kt_load_site(struct kt_model *, const char *path, const char *root,
    struct kt_diag *);
void kt_load_pictograms(struct kt_model *, const char *vocab_path,
    const char *openmoji_dir, const char *own_dir, const char *root,
    struct kt_diag *);
void kt_load_strings(struct kt_model *, const char *i18n_dir,
    struct kt_diag *);
void kt_load_glossary(struct kt_model *, const char *dir, const char *root,
    struct kt_diag *);

/* Is the n bytes at s a slug: lower-case letters, digits and hyphens? */
gboolean kt_valid_slug(const char *s, size_t n);

/* Splits "slug.lang.md"; FALSE if the name is not of that form. */
gboolean kt_parse_filename(const char *name, char **slug, char **lang);

#endif
