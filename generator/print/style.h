/*
 * How the printables look, in one place: the page and its margins, the
 * type scale, the steps of space between things, line widths, greys and
 * the green, and the sizes of pictograms, boxes and cards. Every length
 * is in points, what cairo and Pango draw in, written as millimetres
 * times KT_MM. The easy-reading rules are here too: body text of 14 pt
 * (Arabic and Ethiopic 2 pt more), line height 1.5, a pictogram drawn
 * 20 mm or more at every step of a sheet.
 */
#ifndef KT_PRINT_STYLE_H
#define KT_PRINT_STYLE_H

/* ---- the page ---- */

#define KT_MM 2.834645669		/* points in a millimetre */
#define KT_A4_W 595.2756
#define KT_A4_H 841.8898
#define KT_MARGIN_SIDE (16 * KT_MM)	/* left and right */
#define KT_MARGIN_TOP (14 * KT_MM)
#define KT_MARGIN_BOTTOM (12 * KT_MM)
/* a take-home sheet's: the front's room for the box and every step */
#define KT_SHEET_TOP (9 * KT_MM)
#define KT_SHEET_BOTTOM (8 * KT_MM)
/* a sheet's footer (school, web page, QR code), above the bottom margin */
#define KT_FOOTER_H (22 * KT_MM)
/* the one-line footer of the evening's and the mentor's printables: the
 * band it keeps free at the foot of the page, and its top in that band,
 * both from the page's bottom edge */
#define KT_FOOTLINE_BAND (16 * KT_MM)
#define KT_FOOTLINE_Y (10 * KT_MM)
/* a sheet beside the Dutch: the space between the columns, which holds
 * the boxes to tick */
#define KT_GUTTER (12 * KT_MM)
/* print for a class: the pupil's name in the top margin, its top from
 * the page's top edge */
#define KT_PUPIL_Y (5 * KT_MM)

/* ---- type: sizes in points ---- */

#define KT_FONTS "Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic"
#define KT_LEADING 1.5		/* line height, times the size */
#define KT_LEADING_TIGHT 1.2	/* headings, labels, cells, footers */

#define KT_TYPE_DISPLAY 26.0	/* read across a room: a statement card,
				 * the invitation's heading */
#define KT_TYPE_TITLE 24.0	/* a sheet's title */
#define KT_TYPE_CARD_TITLE 22.0	/* a compliment card's heading */
#define KT_TYPE_SUBTITLE 20.0	/* the evening on its invitation, the
				 * run-sheet's title */
#define KT_TYPE_TITLE_COLUMN 19.0	/* a sheet's title in a column
					 * beside the Dutch */
#define KT_TYPE_HEADING 18.0	/* a sheet's sections */
#define KT_TYPE_SUBHEADING 16.0	/* the glossary, the reply strip, a class
				 * checklist's title */
#define KT_TYPE_STAFF_HEADING 15.0	/* the run-sheet's sections */
#define KT_TYPE_BODY 14.0	/* the smallest size of text a parent reads */
/* Arabic and Ethiopic look a size smaller than Latin at one size: this
 * much more (kt_pdf_size_in()) */
#define KT_TYPE_SCRIPT_LARGER 2.0
#define KT_TYPE_STATEMENT_S 20.0	/* a statement, four cards a page */
#define KT_TYPE_ANSWER 24.0	/* "Eens", "Oneens" on a statement card */
#define KT_TYPE_NUMBER 12.0	/* a statement card's number */
#define KT_TYPE_NOTE 12.0	/* the draft note of a translation, a tip
				 * card's body: the least size but footers */
#define KT_TYPE_STAFF 11.0	/* tables and lists for the school: the
				 * run-sheet, a class checklist */
#define KT_TYPE_SMALL 8.0	/* footers */
/* the "Eens" and "Oneens" boards of a debate, read across a hall: the
 * word, and the same word in the other languages */
#define KT_TYPE_BOARD 190.0
#define KT_TYPE_BOARD_OTHER 28.0

/* ---- space between things: a few steps ---- */

#define KT_GAP_XS (1 * KT_MM)
#define KT_GAP_S (2 * KT_MM)
#define KT_GAP_M (3 * KT_MM)
#define KT_GAP_L (4 * KT_MM)
#define KT_GAP_XL (5 * KT_MM)
#define KT_GAP_XXL (6 * KT_MM)

/* ---- inside boxes, cards and tables ---- */

#define KT_PAD (3 * KT_MM)		/* a sheet's panel and glossary box */
#define KT_PANEL_ROW_GAP (1.5 * KT_MM)	/* between the panel's rows */
#define KT_PANEL_LABEL 0.42		/* of the panel's width */
#define KT_FRAME_INSET (4 * KT_MM)	/* the invitation's frames, at the
					 * sides */
#define KT_CELL_PAD (1.5 * KT_MM)	/* above and below a cell's text */
#define KT_CELL_MARGIN (2 * KT_MM)	/* a cell's text is this much
					 * narrower than its column */
/* cards on a grid, with cut marks (compliments, statements, tips) */
#define KT_CARD_MARGIN (12 * KT_MM)	/* from the page's edges */
#define KT_CARD_GAP (10 * KT_MM)
#define KT_CARD_PAD (6 * KT_MM)
#define KT_STATEMENT_PAD (10 * KT_MM)
#define KT_STATEMENT_NUMBER_W (20 * KT_MM)
#define KT_STATEMENT_ANSWER_W (50 * KT_MM)	/* agree, disagree */
#define KT_STATEMENT_THUMB (14 * KT_MM)	/* the thumb beside each */
#define KT_STATEMENT_THUMB_S (11 * KT_MM)	/* four cards a page */
/* a tip card: the space after a paragraph, and the most lines of its
 * body before it gets a card of twice the width */
#define KT_TIP_PARA (2.5 * KT_MM)
#define KT_TIP_LINES 12

/* ---- lines to write on, labels, boxes to tick ---- */

/* lines to write on, this far apart: under a sheet's question, and on the
 * evening's papers */
#define KT_WRITE_LINE (8.5 * KT_MM)
#define KT_WRITE_LINE_WIDE (9 * KT_MM)
/* a row of the sheet's panel with a line to write on: its least height,
 * and its line below the row's top */
#define KT_PANEL_ROW (8 * KT_MM)
#define KT_PANEL_RULE (6.5 * KT_MM)
/* a field of the invitation: the same */
#define KT_FIELD_H (9 * KT_MM)
#define KT_FIELD_RULE (7 * KT_MM)
#define KT_LABEL_W (50 * KT_MM)		/* the invitation's labels */
#define KT_LABEL_W_LONG (KT_LABEL_W + 20 * KT_MM)	/* "how many come" */
/* a word or two: a choice to tick, the note on a cut line */
#define KT_WORD_W (30 * KT_MM)
#define KT_CHOICE_ROW (10 * KT_MM)	/* the row of yes and no to tick */
#define KT_CHOICE_GAP (8 * KT_MM)	/* after a choice, before the next */
#define KT_CHOICE_DROP (0.8 * KT_MM)	/* its box below the line's top */
/* the names and the signature at a sheet's end: the line to write on
 * below the labels, and the row they take; a page break is made for a
 * millimetre less than the row (KT_NAMES_NEED) */
#define KT_NAMES_RULE (8 * KT_MM)
#define KT_NAMES_ROW (10 * KT_MM)
#define KT_NAMES_NEED (9 * KT_MM)
#define KT_OWN_WORDS_LINES 4	/* lines in the frame for the pupil's
				 * words */
/* a pupil on a class checklist: 34 rows fit one A4 below the heading */
#define KT_CHECKLIST_ROW (6.3 * KT_MM)
#define KT_TICK_BOX (6.5 * KT_MM)	/* a step's box to tick */
#define KT_TICK_BOX_S (5 * KT_MM)	/* on the invitation, a checklist */
#define KT_PREP_BOX (4.5 * KT_MM)	/* before a preparation task */
#define KT_PREP_BOX_RISE (7 * KT_MM)	/* its top above the row's end */

/* ---- pictograms and other pictures ---- */

#define KT_PICTO (16 * KT_MM)		/* a compliment card's */
/* a sheet's step's and the box's calendar and phone: the drawing itself,
 * not its view box, is this wide or high (kt_pdf_picto_ink()) */
#define KT_PICTO_STEP (20.5 * KT_MM)
#define KT_PICTO_BOX (20.5 * KT_MM)
#define KT_PICTO_TITLE (22 * KT_MM)	/* beside a sheet's title */
#define KT_PICTO_HEADING (20 * KT_MM)	/* the invitation's heading's */
#define KT_PICTO_ROW (12 * KT_MM)	/* when, what time, where; the
					 * scissors on the cut line */
#define KT_PICTO_BOARD (70 * KT_MM)	/* the thumb on a debate's board */
#define KT_LOGO (18 * KT_MM)		/* the school's, after the title */
#define KT_QR (19 * KT_MM)		/* in a sheet's footer */
#define KT_STEP_DISC (8 * KT_MM)	/* the green disc of a step's number */
/* a sheet beside the Dutch: the band at the page's reading start that
 * holds a step's pictogram, its number and its box to tick */
#define KT_STRIP (KT_PICTO_STEP + KT_GAP_S + KT_STEP_DISC + KT_GAP_M)

/* ---- cutting ---- */

#define KT_CUTMARK_OFF (3 * KT_MM)	/* from the card's corner */
#define KT_CUTMARK_LEN (5 * KT_MM)
#define KT_CUT_INSET (8 * KT_MM)	/* the dashed line, from the edges */
#define KT_DASH_ON 4.0
#define KT_DASH_OFF 3.0

/* ---- line widths, in points ---- */

#define KT_LINE_HAIR 0.4	/* cut marks, a table's rows */
#define KT_LINE_FINE 0.5	/* a card's edge, the footer's rule */
#define KT_LINE_WRITE 0.6	/* a line to write on */
#define KT_LINE_LIGHT 0.8	/* the cut line, the glossary's box, a
				 * checklist's boxes */
#define KT_LINE_REGULAR 1.0	/* boxes to tick, a table's head */
#define KT_LINE_TICK 1.2	/* a step's box to tick */
#define KT_LINE_FRAME 1.5	/* the frame round what matters most */

/* ---- colours ---- */

/* greys for kt_pdf_rule() and kt_pdf_box(), from black (0) to white (1) */
#define KT_INK 0.0
#define KT_GREY_FRAME 0.11	/* the frame round what matters most: the
				 * sheet's panel, the evening's when and
				 * where */
#define KT_GREY_CUTMARK 0.2
#define KT_GREY_CUT 0.3		/* the dashed cut line, the frame for the
				 * pupil's own words */
#define KT_GREY_LINE 0.4	/* the names' lines, the invitation's
				 * fields, the glossary's box */
#define KT_GREY_PANEL_LINE 0.45	/* the panel's line to write on */
#define KT_GREY_WRITE 0.55	/* under a question, on a compliment card */
#define KT_GREY_LIGHT 0.6	/* the footer's rule, the lines in the
				 * pupil's own words' frame */
#define KT_GREY_ROW 0.7		/* between a table's rows */
#define KT_GREY_CARD 0.75	/* a card's edge */

/* red, green and blue for cairo_set_source_rgb(cr, KT_RGB_...) */
#define KT_RGB_INK 0, 0, 0
#define KT_RGB_PAPER 1, 1, 1
/* The site's green, its --accent (style.css): one colour for cairo and
 * for Pango markup ("#%06x"). */
#define KT_GREEN 0x1d5c4d
#define KT_RGB_GREEN ((KT_GREEN >> 16) & 0xff) / 255.0, \
	((KT_GREEN >> 8) & 0xff) / 255.0, (KT_GREEN & 0xff) / 255.0
/* "Oneens": a dark red beside the green, as dark in black and white */
#define KT_RED 0x9b1c2c

#endif
