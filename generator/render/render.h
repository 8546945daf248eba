/*
 * The renderers: the website (html.c), the printable sheets (pdf.c). They
 * read the model and write through the writer; they never open content.
 */
#ifndef KT_RENDER_H
#define KT_RENDER_H

#include "../diag.h"
#include "../model/model.h"
#include "../out/writer.h"

struct kt_render_opts {
	const char *theme;	/* theme folder */
	const char *content;	/* for the logo only */
	long long epoch;	/* SOURCE_DATE_EPOCH, or -1 */
};

/* The website: every page in every language, assets, pictograms. */
gboolean kt_render_site(const struct kt_model *, const struct kt_render_opts *,
    struct kt_writer *, struct kt_diag *);

/* The printables: a take-home sheet per assignment per language. */
gboolean kt_render_sheets(const struct kt_model *,
    const struct kt_render_opts *, struct kt_writer *, struct kt_diag *);

/* Output paths shared by both, relative to out/. */
char *kt_page_path(const char *lang, enum kt_kind, const char *slug);
char *kt_sheet_path(const char *lang, const char *slug);

#endif
