package io.inmo.application.service.lead;

import io.inmo.application.port.in.lead.LeadFilter;
import io.inmo.application.port.out.LeadSearchRepository.LeadSearch;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.port.out.LeadSearchRepository.Position;
import io.inmo.domain.user.UserId;
import java.util.regex.Pattern;

/** The lead list's filters as a search of the book: one reading for the list and the export. */
final class LeadFilters {
  /** A search text that is a phone fragment: digits with the usual separators. */
  private static final Pattern PHONE_FRAGMENT =
      Pattern.compile("[+\\d\\s().-]*\\d{3}[+\\d\\s().-]*");

  private LeadFilters() {}

  /**
   * The search for one page.
   *
   * @param assignedTo the assignee to keep, which may narrow the filter's (an AGENT who sees only
   *     their own leads)
   * @param visibleToAgent the AGENT whose view the list is, null for managers
   */
  static LeadSearch search(
      LeadFilter filter,
      UserId assignedTo,
      UserId visibleToAgent,
      LeadSort sort,
      Position after,
      int limit) {
    return new LeadSearch(
        filter.status(),
        filter.stage(),
        filter.minScore(),
        filter.maxScore(),
        assignedTo,
        filter.unassignedOnly(),
        filter.channel(),
        filter.stale(),
        searchText(filter.text()),
        filter.createdFrom(),
        filter.createdTo(),
        visibleToAgent,
        sort,
        after,
        limit);
  }

  /**
   * The list's search text: a phone fragment keeps only its digits ({@code 9 8765 43} finds {@code
   * +56987654321}); anything else is searched as typed.
   */
  static String searchText(String text) {
    if (text == null) {
      return null;
    }
    if (PHONE_FRAGMENT.matcher(text).matches()) {
      return text.replaceAll("\\D", "");
    }
    return text;
  }
}
