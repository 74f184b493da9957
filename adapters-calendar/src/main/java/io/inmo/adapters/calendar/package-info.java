/**
 * Calendar adapter: Google Calendar and the built-in calendar, behind the application's calendar
 * ports.
 */
package io.inmo.adapters.calendar;
