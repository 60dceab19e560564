/* ts-tempo-graph.c - BPM over time with the markers drawn on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-tempo-graph"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ts-tempo-envelope.h"
#include "ts-tempo-graph.h"
#include "ts-tempo-graph-labels.h"
#include "ts-tempo-graph-summary.h"
#include "ts-time-format.h"
#include "ts-track-row.h"

#define MARGIN_LEFT   48.0
#define MARGIN_RIGHT  12.0
#define MARGIN_TOP    26.0
#define MARGIN_BOTTOM 22.0
#define MIN_TICK_GAP  90.0
/* Half the curve's thickness, as a line of 2 px was drawn. */
#define CURVE_HALF_WIDTH 1.0

struct _TsTempoGraph
{
  GtkWidget    parent_instance;

  TsTempoMap  *tempo_map;
  TsTempoMode  mode;
  double       end_seconds;
  GListModel  *rows;
  double       hover_x;

  /* What the curve shows, kept from frame to frame: computing it visits
   * every tempo point, and hovering redraws the graph at each motion. */
  TsTempoEnvelope *envelope;
};

G_DEFINE_FINAL_TYPE (TsTempoGraph, ts_tempo_graph, GTK_TYPE_WIDGET)

typedef struct
{
  double left;
  double right;
  double top;
  double bottom;
  double end_seconds;
  double min_bpm;
  double max_bpm;
  const TsTempoEnvelope *envelope;
} Plot;

static double
plot_x (const Plot *plot,
        double      seconds)
{
  return plot->left + (plot->right - plot->left) * seconds / plot->end_seconds;
}

static double
plot_seconds (const Plot *plot,
              double      x)
{
  return (x - plot->left) / (plot->right - plot->left) * plot->end_seconds;
}

static double
plot_y (const Plot *plot,
        double      bpm)
{
  return plot->bottom - (plot->bottom - plot->top) *
         (bpm - plot->min_bpm) / (plot->max_bpm - plot->min_bpm);
}

static double
bpm_at_seconds (TsTempoGraph *self,
                double        seconds)
{
  double beat = ts_tempo_map_beat_at_seconds (self->tempo_map, self->mode, seconds);

  return ts_tempo_map_bpm_at_beat (self->tempo_map, self->mode, beat);
}

/* Where the graph ends: the project's end, else its last marker or tempo
 * change, so that everything that matters is in view. */
static double
compute_end_seconds (TsTempoGraph *self)
{
  double end = 0.0;
  guint n_points;

  if (isfinite (self->end_seconds))
    end = self->end_seconds;

  if (self->rows != NULL)
    {
      guint n = g_list_model_get_n_items (self->rows);

      if (n > 0)
        {
          g_autoptr(TsTrackRow) last = g_list_model_get_item (self->rows, n - 1);
          end = MAX (end, ts_track_row_get_seconds (last));
        }
    }

  n_points = ts_tempo_map_get_n_points (self->tempo_map);
  if (n_points > 0)
    {
      const TsTempoPoint *point = ts_tempo_map_get_point (self->tempo_map, n_points - 1);
      double seconds = ts_tempo_map_seconds_at_beat (self->tempo_map, self->mode, point->beat);

      if (isfinite (seconds))
        end = MAX (end, seconds);
    }

  if (!(end > 0.0))
    end = 60.0;

  return end * 1.03;
}

static gboolean
compute_plot (TsTempoGraph *self,
              Plot         *plot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint n_columns;

  if (self->tempo_map == NULL ||
      width <= MARGIN_LEFT + MARGIN_RIGHT + 10 ||
      height <= MARGIN_TOP + MARGIN_BOTTOM + 10)
    return FALSE;

  plot->left = MARGIN_LEFT;
  plot->right = width - MARGIN_RIGHT;
  plot->top = MARGIN_TOP;
  plot->bottom = height - MARGIN_BOTTOM;
  plot->end_seconds = compute_end_seconds (self);

  /* A column per pixel of the plot's width. */
  n_columns = (guint) ceil (plot->right - plot->left);
  if (!ts_tempo_envelope_matches (self->envelope, self->tempo_map, self->mode,
                                  plot->end_seconds, n_columns))
    {
      g_clear_pointer (&self->envelope, ts_tempo_envelope_free);
      self->envelope = ts_tempo_envelope_new (self->tempo_map, self->mode, plot->end_seconds, n_columns);
    }
  plot->envelope = self->envelope;

  if (!ts_tempo_envelope_get_range (plot->envelope, &plot->min_bpm, &plot->max_bpm))
    return FALSE;

  /* A steady tempo is a flat line in the middle, not at an edge. */
  if (plot->max_bpm - plot->min_bpm < 1.0)
    {
      plot->min_bpm -= 5.0;
      plot->max_bpm += 5.0;
    }
  else
    {
      double pad = (plot->max_bpm - plot->min_bpm) * 0.12;

      plot->min_bpm -= pad;
      plot->max_bpm += pad;
    }

  return TRUE;
}

static double
nice_step (double range,
           double max_ticks)
{
  static const double steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (range / steps[i] <= max_ticks)
      return steps[i];

  return ceil (range / max_ticks / 3600.0) * 3600.0;
}

static double
nice_bpm_step (double range)
{
  double magnitude = pow (10.0, floor (log10 (range / 3.0)));
  double step = magnitude;

  if (range / step > 4.0)
    step = 2.0 * magnitude;
  if (range / step > 4.0)
    step = 5.0 * magnitude;
  if (range / step > 4.0)
    step = 10.0 * magnitude;

  return step;
}

static PangoLayout *
create_label_layout (TsTempoGraph *self,
                     const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static int
measure_text (TsTempoGraph *self,
              const char   *text)
{
  g_autoptr(PangoLayout) layout = create_label_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
show_text (TsTempoGraph  *self,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         xalign,
           double         max_width,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = create_label_layout (self, text);
  int width, height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  pango_layout_get_pixel_size (layout, &width, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x - width * xalign, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
lookup_color (TsTempoGraph *self,
              const char   *name,
              const char   *fallback,
              GdkRGBA      *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_axes (TsTempoGraph  *self,
           cairo_t       *cr,
           const Plot    *plot,
           const GdkRGBA *fg)
{
  GdkRGBA grid = *fg;
  GdkRGBA label = *fg;
  TsTimeFormat format = TS_TIME_FORMAT_INIT;
  double bpm_step = nice_bpm_step (plot->max_bpm - plot->min_bpm);
  double time_step = nice_step (plot->end_seconds, (plot->right - plot->left) / MIN_TICK_GAP);

  grid.alpha = 0.1;
  label.alpha = 0.55;
  cairo_set_line_width (cr, 1.0);

  for (double bpm = ceil (plot->min_bpm / bpm_step) * bpm_step; bpm <= plot->max_bpm; bpm += bpm_step)
    {
      double y = round (plot_y (plot, bpm)) + 0.5;
      g_autofree char *text = g_strdup_printf ("%g", bpm);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, plot->left, y);
      cairo_line_to (cr, plot->right, y);
      cairo_stroke (cr);
      show_text (self, cr, text, plot->left - 8, y, 1.0, -1, &label);
    }

  for (double seconds = 0; seconds <= plot->end_seconds; seconds += time_step)
    {
      double x = round (plot_x (plot, seconds)) + 0.5;
      g_autofree char *text = ts_format_time (seconds, &format);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, x, plot->top);
      cairo_line_to (cr, x, plot->bottom);
      cairo_stroke (cr);
      show_text (self, cr, text, x, plot->bottom + MARGIN_BOTTOM / 2.0, seconds > 0 ? 0.5 : 0.0, -1, &label);
    }
}

/* Where column @i of the envelope is drawn: its middle, or the plot's
 * edge for the first and the last, so that the curve spans the plot. */
static double
column_x (const Plot *plot,
          guint       i,
          guint       n_columns)
{
  if (i == 0)
    return plot->left;
  if (i == n_columns - 1)
    return plot->right;
  return plot->left + (plot->right - plot->left) * (i + 0.5) / n_columns;
}

/* The curve is the envelope: in each column, a band from the lowest tempo
 * to the highest, as thick as a 2 px line where they are one. Where the
 * tempo changes faster than the pixels, the band fills the range it
 * sweeps, which is the truth at that width; a line through one sample per
 * column would zigzag between whichever points the samples hit, and such
 * a line is slow for the renderer to fill. */
static void
draw_curve (TsTempoGraph  *self,
            cairo_t       *cr,
            const Plot    *plot,
            const GdkRGBA *accent)
{
  guint n_columns = ts_tempo_envelope_get_n_columns (plot->envelope);
  GdkRGBA fill = *accent;
  double min_bpm, max_bpm;

  /* Under the highest tempo, lightly. */
  cairo_new_path (cr);
  cairo_move_to (cr, plot->left, plot->bottom);
  for (guint i = 0; i < n_columns; i++)
    if (ts_tempo_envelope_get_column (plot->envelope, i, &min_bpm, &max_bpm))
      cairo_line_to (cr, column_x (plot, i, n_columns), plot_y (plot, max_bpm));
  cairo_line_to (cr, plot->right, plot->bottom);
  cairo_close_path (cr);
  fill.alpha = 0.12;
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);

  /* The band: along the highest tempos, and back along the lowest. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_columns; i++)
    if (ts_tempo_envelope_get_column (plot->envelope, i, &min_bpm, &max_bpm))
      cairo_line_to (cr, column_x (plot, i, n_columns), plot_y (plot, max_bpm) - CURVE_HALF_WIDTH);
  for (guint i = n_columns; i-- > 0;)
    if (ts_tempo_envelope_get_column (plot->envelope, i, &min_bpm, &max_bpm))
      cairo_line_to (cr, column_x (plot, i, n_columns), plot_y (plot, min_bpm) + CURVE_HALF_WIDTH);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_fill (cr);
}

static char *
dup_marker_label (guint       number,
                  TsTrackRow *row)
{
  return g_strdup_printf ("%u %s", number, ts_track_row_get_title (row));
}

static void
draw_markers (TsTempoGraph  *self,
              cairo_t       *cr,
              const Plot    *plot,
              const GdkRGBA *marker)
{
  GdkRGBA line = *marker;
  GdkRGBA unticked = *marker;
  guint n = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  double dashes[] = { 3.0, 3.0 };
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (TsGraphMarker));
  g_autoptr(GPtrArray) shown_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree TsGraphLabel *labels = NULL;

  line.alpha = 0.7;
  /* Left out of the tracklist, still where it is in the project. */
  unticked.alpha = 0.2;
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);

  for (guint i = 0; i < n; i++)
    {
      TsTrackRow *row = g_list_model_get_item (self->rows, i);
      gboolean is_shown = ts_track_row_get_shown (row);
      double x = round (plot_x (plot, ts_track_row_get_seconds (row))) + 0.5;

      gdk_cairo_set_source_rgba (cr, is_shown ? &line : &unticked);
      cairo_move_to (cr, x, plot->top - 4);
      cairo_line_to (cr, x, plot->bottom);
      cairo_stroke (cr);

      if (is_shown)
        {
          guint number = shown->len + 1;
          g_autofree char *digits = g_strdup_printf ("%u", number);
          g_autofree char *title = dup_marker_label (number, row);
          TsGraphMarker placed = { x, measure_text (self, digits), measure_text (self, title) };

          g_array_append_val (shown, placed);
          g_ptr_array_add (shown_rows, g_steal_pointer (&row));
        }
      g_clear_object (&row);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  labels = g_new (TsGraphLabel, MAX (shown->len, 1));
  ts_tempo_graph_place_labels ((TsGraphMarker *)shown->data, shown->len,
                               0.0, gtk_widget_get_width (GTK_WIDGET (self)), labels);

  for (guint i = 0; i < shown->len; i++)
    {
      g_autofree char *text = NULL;

      switch (labels[i].kind)
        {
        case TS_GRAPH_LABEL_NONE:
          continue;
        case TS_GRAPH_LABEL_NUMBER:
          text = g_strdup_printf ("%u", i + 1);
          break;
        case TS_GRAPH_LABEL_TITLE:
          text = dup_marker_label (i + 1, g_ptr_array_index (shown_rows, i));
          break;
        }
      show_text (self, cr, text, labels[i].start, plot->top - 14, 0.0, labels[i].width + 1, marker);
    }
}

/* The ticked marker nearest to @seconds, and its number among them. */
static TsTrackRow *
find_nearest_marker (TsTempoGraph *self,
                     double        seconds,
                     guint        *number)
{
  guint n = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  TsTrackRow *nearest = NULL;
  double best = G_MAXDOUBLE;
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (self->rows, i);
      double distance = fabs (ts_track_row_get_seconds (row) - seconds);

      if (!ts_track_row_get_shown (row))
        continue;

      shown++;
      if (distance < best)
        {
          best = distance;
          *number = shown;
          g_set_object (&nearest, row);
        }
    }

  return nearest;
}

char *
ts_tempo_graph_describe_at (TsTempoGraph *self,
                            double        seconds)
{
  TsTimeFormat format = { TS_HOURS_AUTO, TRUE, TS_ROUND_DOWN };
  g_autoptr(TsTrackRow) nearest = NULL;
  g_autofree char *time = NULL;
  guint number = 0;
  double bpm;

  g_return_val_if_fail (TS_IS_TEMPO_GRAPH (self), NULL);

  if (self->tempo_map == NULL)
    return NULL;

  time = ts_format_time (seconds, &format);
  bpm = bpm_at_seconds (self, seconds);
  nearest = find_nearest_marker (self, seconds, &number);

  /* Dense markers show only numbers, or nothing: the readout says which
   * marker the pointer is at. */
  if (nearest != NULL)
    /* Translators: the time and the tempo under the pointer, then the
     * nearest marker's number and title, e.g.
     * "1:02.345 · 128.00 BPM\n4 Artist - Title" */
    return g_strdup_printf (_("%s · %.2f BPM\n%u %s"), time, bpm, number,
                            ts_track_row_get_title (nearest));

  /* Translators: the time and the tempo under the pointer, e.g. "1:02.345 · 128.00 BPM" */
  return g_strdup_printf (_("%s · %.2f BPM"), time, bpm);
}

static void
draw_hover (TsTempoGraph  *self,
            cairo_t       *cr,
            const Plot    *plot,
            const GdkRGBA *fg,
            const GdkRGBA *accent)
{
  double seconds = plot_seconds (plot, self->hover_x);
  double y = plot_y (plot, bpm_at_seconds (self, seconds));
  g_autofree char *text = ts_tempo_graph_describe_at (self, seconds);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  GdkRGBA line = *fg;
  int width, height;
  double bx, by;

  line.alpha = 0.4;
  gdk_cairo_set_source_rgba (cr, &line);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, round (self->hover_x) + 0.5, plot->top);
  cairo_line_to (cr, round (self->hover_x) + 0.5, plot->bottom);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, accent);
  cairo_arc (cr, self->hover_x, y, 4.0, 0, 2 * G_PI);
  cairo_fill (cr);

  pango_layout_get_pixel_size (layout, &width, &height);
  bx = self->hover_x + 10;
  if (bx + width + 12 > plot->right)
    bx = self->hover_x - width - 22;
  by = CLAMP (y - height - 16, plot->top, plot->bottom - height - 8);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  cairo_new_sub_path (cr);
  cairo_arc (cr, bx + 6, by + 6, 6, G_PI, 1.5 * G_PI);
  cairo_arc (cr, bx + width + 6, by + 6, 6, 1.5 * G_PI, 2 * G_PI);
  cairo_arc (cr, bx + width + 6, by + height + 2, 6, 0, 0.5 * G_PI);
  cairo_arc (cr, bx + 6, by + height + 2, 6, 0.5 * G_PI, G_PI);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, bx + 6, by + 4);
  pango_cairo_show_layout (cr, layout);
}

static void
ts_tempo_graph_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TsTempoGraph *self = TS_TEMPO_GRAPH (widget);
  GdkRGBA fg, accent, marker;
  Plot plot;
  cairo_t *cr;

  if (!compute_plot (self, &plot))
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (self, "accent_color", "#3584e4", &accent);
  lookup_color (self, "warning_color", "#c64600", &marker);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0,
                                                       gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  draw_axes (self, cr, &plot, &fg);
  draw_curve (self, cr, &plot, &accent);
  draw_markers (self, cr, &plot, &marker);

  if (self->hover_x >= plot.left && self->hover_x <= plot.right)
    draw_hover (self, cr, &plot, &fg, &accent);

  cairo_destroy (cr);
}

static void
on_motion (TsTempoGraph             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->hover_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (TsTempoGraph             *self,
          GtkEventControllerMotion *controller)
{
  self->hover_x = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ts_tempo_graph_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TsTempoGraph *self = TS_TEMPO_GRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  /* A steady tempo is one flat line: it needs no room to rise and fall. */
  else if (self->tempo_map != NULL && ts_tempo_graph_is_flat (self->tempo_map))
    {
      *minimum = 80;
      *natural = 80;
    }
  else
    {
      *minimum = 120;
      *natural = 180;
    }
}

static void
ts_tempo_graph_dispose (GObject *object)
{
  TsTempoGraph *self = (TsTempoGraph *)object;

  g_clear_pointer (&self->tempo_map, ts_tempo_map_unref);
  g_clear_pointer (&self->envelope, ts_tempo_envelope_free);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (ts_tempo_graph_parent_class)->dispose (object);
}

static void
ts_tempo_graph_class_init (TsTempoGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_tempo_graph_dispose;

  widget_class->snapshot = ts_tempo_graph_snapshot;
  widget_class->measure = ts_tempo_graph_measure;

  gtk_widget_class_set_css_name (widget_class, "tempograph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ts_tempo_graph_init (TsTempoGraph *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover_x = -1;
  self->end_seconds = NAN;

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tempo over time, with the markers"),
                                  -1);
}

/* The picture's text alternative follows what it shows. */
static void
update_description (TsTempoGraph *self)
{
  g_autofree char *summary = NULL;

  if (self->tempo_map == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  summary = ts_tempo_graph_summarize (self->tempo_map, self->rows);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

GtkWidget *
ts_tempo_graph_new (void)
{
  return g_object_new (TS_TYPE_TEMPO_GRAPH, NULL);
}

void
ts_tempo_graph_set_tempo_map (TsTempoGraph *self,
                              TsTempoMap   *tempo_map,
                              TsTempoMode   mode,
                              double        end_seconds)
{
  g_return_if_fail (TS_IS_TEMPO_GRAPH (self));

  if (tempo_map != self->tempo_map)
    {
      /* The envelope holds the old map: let both go now. */
      g_clear_pointer (&self->envelope, ts_tempo_envelope_free);
      g_clear_pointer (&self->tempo_map, ts_tempo_map_unref);
      if (tempo_map != NULL)
        self->tempo_map = ts_tempo_map_ref (tempo_map);
    }

  self->mode = mode;
  self->end_seconds = end_seconds;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_rows_changed (TsTempoGraph *self)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_tempo_graph_set_markers (TsTempoGraph *self,
                            GListModel   *rows)
{
  g_return_if_fail (TS_IS_TEMPO_GRAPH (self));
  g_return_if_fail (!rows || G_IS_LIST_MODEL (rows));

  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);

  g_set_object (&self->rows, rows);

  if (rows != NULL)
    g_signal_connect_object (rows, "items-changed", G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);

  on_rows_changed (self);
}

/**
 * ts_tempo_graph_markers_edited:
 *
 * A marker was ticked, unticked or renamed: the list model does not say
 * so, its rows do.
 */
void
ts_tempo_graph_markers_edited (TsTempoGraph *self)
{
  g_return_if_fail (TS_IS_TEMPO_GRAPH (self));

  on_rows_changed (self);
}
