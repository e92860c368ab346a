package dev.knead.render.figure;

import dev.knead.render.Palette;

/**
 * How one panel of the rubber sheet is painted.
 *
 * @param palette colours
 * @param radius point radius, logical units
 * @param regions paint the region samples (decision regions carried along)
 * @param sheet draw the grid lines
 * @param axes tick labels on the left and bottom edges (flat scenes only)
 * @param captionSize caption font size; 0 = no caption
 */
public record SheetStyle(Palette palette, double radius, boolean regions, boolean sheet, boolean axes, double captionSize) {}
