package io.inmo.bootstrap.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did: whether it created the demo brokerage (false: it existed already and nothing
 * was written), the accounts to sign in with, and what the brokerage now holds.
 *
 * @param accounts the brokerage's staff; passwords only when this run created them
 * @param leadsByStage the pipeline's counts per stage (API values, pipeline order), read back from
 *     the server
 * @param conversations web-chat conversations played
 * @param replies messages the visitors received (from the AI agent or staff)
 */
record DemoReport(
    boolean created,
    String broker,
    String slug,
    List<Account> accounts,
    Map<String, Integer> leadsByStage,
    int conversations,
    int replies) {

  record Account(String role, String name, String email, String password) {}

  DemoReport {
    accounts = List.copyOf(accounts);
    leadsByStage = Collections.unmodifiableMap(new LinkedHashMap<>(leadsByStage));
  }

  static DemoReport existing(String broker, List<Account> accounts) {
    return new DemoReport(false, broker, null, accounts, Map.of(), 0, 0);
  }

  int leads() {
    return leadsByStage.values().stream().mapToInt(Integer::intValue).sum();
  }
}
