/**
 * Voice adapter: VAPI and Bland call clients and their webhook resources, behind the application's
 * voice ports.
 */
package io.inmo.adapters.voice;
