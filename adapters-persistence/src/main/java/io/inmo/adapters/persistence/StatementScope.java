package io.inmo.adapters.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL reading behind {@link TenantGuard}: one lexical pass over a statement (comments and
 * literals skipped, parentheses tracked), then a check that every reference to a broker-owned table
 * is constrained by its {@code broker_id}.
 *
 * <p>A reference ({@code FROM}, {@code JOIN}, {@code UPDATE}, {@code USING}, comma-separated FROM
 * items) is scoped when a {@code WHERE} or {@code ON} clause holds {@code alias.broker_id = ?} (or
 * {@code = 'literal'}, {@code in (?, …)}, {@code = any (?)}, {@code is null}, which selects rows of
 * no tenant) joined to the clause by {@code AND} only — never under {@code OR}, {@code NOT}, a
 * function or a {@code CASE}, because those can widen the result again — or {@code alias.broker_id
 * = other.broker_id} where {@code other} is scoped. {@code INSERT ... VALUES} references nothing.
 * An {@code UPDATE}/{@code DELETE} of one table without alias whose whole {@code WHERE} is {@code
 * id = ?} (optionally {@code and version = ?}) and that carries the comment of Hibernate's entity
 * persister ({@code /* update for <entity> *}{@code /}) is accepted: that is how Hibernate writes
 * back an entity, which the repositories only ever load through a scoped query (loading by id
 * alone, {@code EntityManager.find}, is itself rejected).
 *
 * <p>This is a reader of the SQL Hibernate (and the repositories' native queries) produce, not a
 * full PostgreSQL parser: it errs on the side of rejecting, and a rejection is always loud.
 */
final class StatementScope {
  private StatementScope() {}

  /**
   * The comment Hibernate's entity persister puts before the UPDATE/DELETE of one entity ({@code
   * hibernate.use_sql_comments}); a hand-written native {@code update t set … where id = ?} lacks
   * it and is judged like any other statement.
   */
  private static final Pattern ENTITY_WRITE =
      Pattern.compile("\\s*/\\*\\s*(?:update|delete) for [\\w.$]+\\s*\\*/");

  /** Words that end a FROM item and therefore cannot be an alias. */
  private static final Set<String> NOT_ALIASES =
      words(
          "where join inner left right full cross natural on using set group "
              + "order limit offset fetch for having window union intersect except "
              + "returning values select from as lateral only outer and or not when "
              + "then else end case into default tablesample with do of nowait skip "
              + "key share");

  /** Words that end a WHERE or ON clause at its own nesting level. */
  private static final Set<String> CLAUSE_ENDS =
      words(
          "group order limit offset fetch for having window union intersect "
              + "except returning join inner full cross natural where on");

  /**
   * Words that, met walking backwards from a predicate before any WHERE or ON, show it is not a
   * filter of the statement (select list, SET, CASE, VALUES, ...).
   */
  private static final Set<String> NOT_A_FILTER =
      words(
          "select from set having when then else case using values returning "
              + "join by limit offset into update delete with as");

  /** Words that may follow a complete predicate value. */
  private static final Set<String> AFTER_VALUE =
      words(
          "and or group order limit offset fetch for having window union "
              + "intersect except returning join inner left right full cross natural "
              + "where on");

  /** A broker-owned table the statement does not scope, and why. */
  record Unscoped(String table, String reason) {}

  /**
   * The first broker-owned table {@code sql} reads or writes without scoping it, or empty when it
   * scopes every one.
   *
   * @param tables the broker-owned table names, lower case
   */
  static Optional<Unscoped> unscoped(String sql, Set<String> tables) {
    List<Token> tokens = tokenize(sql);
    List<Reference> references = references(tokens, tables);
    if (references.isEmpty()) {
      return Optional.empty();
    }
    int[] match = matchParentheses(tokens);
    Set<String> scoped = scopedKeys(tokens, match, references);
    Reference writtenByPrimaryKey =
        ENTITY_WRITE.matcher(sql).lookingAt() ? primaryKeyWriteTarget(tokens) : null;
    for (Reference reference : references) {
      if (scoped.contains(reference.key()) || reference.equals(writtenByPrimaryKey)) {
        continue;
      }
      return Optional.of(
          new Unscoped(
              reference.table(),
              "table "
                  + reference.table()
                  + (reference.alias() == null ? "" : " (alias " + reference.alias() + ")")
                  + " is not constrained by "
                  + reference.key()
                  + ".broker_id"));
    }
    return Optional.empty();
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }

  // --- lexing

  enum Kind {
    WORD,
    PARAM,
    STRING,
    NUMBER,
    OPEN,
    CLOSE,
    COMMA,
    DOT,
    OP
  }

  /**
   * One lexical token; {@code depth} is the parenthesis nesting level it sits at (a parenthesis
   * itself sits at the level outside it).
   */
  record Token(Kind kind, String text, int depth) {
    boolean is(String word) {
      return kind == Kind.WORD && text.equals(word);
    }
  }

  static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && next == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '-' && next == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '\'') {
        i = skipQuoted(sql, i, '\'');
        tokens.add(new Token(Kind.STRING, "''", depth));
      } else if (c == '"') {
        int end = skipQuoted(sql, i, '"');
        String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
        tokens.add(new Token(Kind.WORD, name.toLowerCase(Locale.ROOT), depth));
        i = end;
      } else if (c == '$' && Character.isDigit(next)) {
        int end = i + 1;
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        tokens.add(new Token(Kind.PARAM, sql.substring(i, end), depth));
        i = end;
      } else if (c == '$') {
        int tagEnd = sql.indexOf('$', i + 1);
        String tag = tagEnd < 0 ? null : sql.substring(i, tagEnd + 1);
        if (tag == null || !tag.substring(1, tag.length() - 1).matches("[A-Za-z_0-9]*")) {
          tokens.add(new Token(Kind.OP, "$", depth));
          i++;
        } else {
          int close = sql.indexOf(tag, tagEnd + 1);
          i = close < 0 ? n : close + tag.length();
          tokens.add(new Token(Kind.STRING, "''", depth));
        }
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < n && isWordPart(sql.charAt(end))) {
          end++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(i, end).toLowerCase(Locale.ROOT), depth));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), depth));
        i = end;
      } else if (c == '?') {
        tokens.add(new Token(Kind.PARAM, "?", depth));
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", depth));
        depth++;
        i++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        tokens.add(new Token(Kind.CLOSE, ")", depth));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", depth));
        i++;
      } else if (c == '.') {
        tokens.add(new Token(Kind.DOT, ".", depth));
        i++;
      } else {
        int end = i + 1;
        while (end < n && "+-*/<>=~!@#%^&|`:".indexOf(sql.charAt(end)) >= 0) {
          if (sql.startsWith("--", end) || sql.startsWith("/*", end)) {
            break;
          }
          end++;
        }
        tokens.add(new Token(Kind.OP, sql.substring(i, end), depth));
        i = end;
      }
    }
    return tokens;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The index just past the closing quote (a doubled quote is an escaped one). */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /** For each OPEN or CLOSE token the index of its partner, else -1. */
  private static int[] matchParentheses(List<Token> tokens) {
    int[] match = new int[tokens.size()];
    Arrays.fill(match, -1);
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Kind kind = tokens.get(i).kind();
      if (kind == Kind.OPEN) {
        open.push(i);
      } else if (kind == Kind.CLOSE && !open.isEmpty()) {
        int partner = open.pop();
        match[i] = partner;
        match[partner] = i;
      }
    }
    return match;
  }

  // --- table references

  /**
   * A broker-owned table named in FROM, JOIN, UPDATE or USING.
   *
   * @param alias null when the statement names the table without an alias
   * @param index the token index of the table name
   */
  record Reference(String table, String alias, int index) {
    /** How the statement's columns qualify this reference. */
    String key() {
      return alias != null ? alias : table;
    }
  }

  private static List<Reference> references(List<Token> tokens, Set<String> tables) {
    List<Reference> references = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is("from") || token.is("join") || token.is("update") || token.is("using")) {
        int next = reference(tokens, i + 1, tables, references);
        if (token.is("from") || token.is("using")) {
          // comma-separated FROM items at the same level
          while (next < tokens.size()
              && tokens.get(next).kind() == Kind.COMMA
              && tokens.get(next).depth() == token.depth()) {
            next = reference(tokens, next + 1, tables, references);
          }
        }
      }
    }
    return references;
  }

  /** Reads one FROM item at {@code start}; returns the index after it. */
  private static int reference(
      List<Token> tokens, int start, Set<String> tables, List<Reference> references) {
    int j = start;
    if (j < tokens.size() && (tokens.get(j).is("only") || tokens.get(j).is("lateral"))) {
      j++;
    }
    if (j >= tokens.size()
        || tokens.get(j).kind() != Kind.WORD
        || NOT_ALIASES.contains(tokens.get(j).text())) {
      return j;
    }
    int nameIndex = j;
    String name = tokens.get(j).text();
    j++;
    while (j + 1 < tokens.size()
        && tokens.get(j).kind() == Kind.DOT
        && tokens.get(j + 1).kind() == Kind.WORD) {
      nameIndex = j + 1;
      name = tokens.get(j + 1).text();
      j += 2;
    }
    if (j < tokens.size() && tokens.get(j).kind() == Kind.OPEN) {
      return j; // a set-returning function, not a table
    }
    String alias = null;
    if (j < tokens.size() && tokens.get(j).is("as")) {
      j++;
    }
    if (j < tokens.size()
        && tokens.get(j).kind() == Kind.WORD
        && !NOT_ALIASES.contains(tokens.get(j).text())) {
      alias = tokens.get(j).text();
      j++;
    }
    if (tables.contains(name)) {
      references.add(new Reference(name, alias, nameIndex));
    }
    return j;
  }

  // --- broker_id predicates

  /** {@code qualifier.broker_id} fixed by a value, or equal to {@code other.broker_id}. */
  private record Predicate(String qualifier, String other) {}

  private static Set<String> scopedKeys(
      List<Token> tokens, int[] match, List<Reference> references) {
    List<Predicate> predicates = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).is("broker_id")) {
        predicate(tokens, match, k, predicates);
      }
    }
    Set<String> unaliased = new HashSet<>();
    for (Reference reference : references) {
      if (reference.alias() == null || references.size() == 1) {
        unaliased.add(reference.key());
      }
    }
    Set<String> scoped = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Predicate p : predicates) {
        Set<String> left = p.qualifier() == null ? unaliased : Set.of(p.qualifier());
        if (p.other() == null) {
          changed |= scoped.addAll(left);
        } else {
          Set<String> right = p.other().isEmpty() ? unaliased : Set.of(p.other());
          if (containsAny(scoped, right)) {
            changed |= scoped.addAll(left);
          }
          if (containsAny(scoped, left)) {
            changed |= scoped.addAll(right);
          }
        }
      }
    }
    return scoped;
  }

  private static boolean containsAny(Set<String> set, Set<String> candidates) {
    for (String candidate : candidates) {
      if (set.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** Records the predicate on the {@code broker_id} column at {@code k}, if it filters. */
  private static void predicate(
      List<Token> tokens, int[] match, int k, List<Predicate> predicates) {
    String qualifier = null;
    int start = k;
    if (k >= 2 && tokens.get(k - 1).kind() == Kind.DOT && tokens.get(k - 2).kind() == Kind.WORD) {
      qualifier = tokens.get(k - 2).text();
      start = k - 2;
      // schema.table.broker_id
      if (start >= 2
          && tokens.get(start - 1).kind() == Kind.DOT
          && tokens.get(start - 2).kind() == Kind.WORD) {
        start -= 2;
      }
    }
    if (start >= 1 && tokens.get(start - 1).kind() == Kind.DOT) {
      return; // a field of something else
    }
    int end;
    String other = null;
    int j = k + 1;
    if (at(tokens, j, "=")) {
      Value value = value(tokens, match, j + 1);
      if (value == null) {
        return;
      }
      end = value.end();
      other = value.other();
    } else if (j + 1 < tokens.size()
        && tokens.get(j).is("in")
        && tokens.get(j + 1).kind() == Kind.OPEN) {
      int close = match[j + 1];
      if (close < 0 || !onlyValues(tokens, j + 2, close)) {
        return;
      }
      end = close + 1;
    } else if (j + 1 < tokens.size() && tokens.get(j).is("is") && tokens.get(j + 1).is("null")) {
      end = j + 2;
    } else if (start >= 2 && at(tokens, start - 1, "=") && isPlainValue(tokens.get(start - 2))) {
      // ? = l.broker_id
      end = k + 1;
      start -= 2;
    } else {
      return;
    }
    if (end < tokens.size() && !endsPredicate(tokens.get(end))) {
      return;
    }
    if (start >= 1 && tokens.get(start - 1).is("not")) {
      return;
    }
    if (filtersByAndOnly(tokens, match, start, end)) {
      predicates.add(new Predicate(qualifier, other));
    }
  }

  /** A complete right-hand side: its end index and, for another broker_id column, its qualifier. */
  private record Value(int end, String other) {}

  private static Value value(List<Token> tokens, int[] match, int j) {
    if (j >= tokens.size()) {
      return null;
    }
    Token token = tokens.get(j);
    if (isPlainValue(token)) {
      return new Value(skipCast(tokens, j + 1), null);
    }
    if (token.is("any") && j + 1 < tokens.size() && tokens.get(j + 1).kind() == Kind.OPEN) {
      int close = match[j + 1];
      return close > 0 && onlyValues(tokens, j + 2, close) ? new Value(close + 1, null) : null;
    }
    if (token.is("cast") && j + 1 < tokens.size() && tokens.get(j + 1).kind() == Kind.OPEN) {
      int close = match[j + 1];
      return close > 0 && j + 2 < close && isPlainValue(tokens.get(j + 2))
          ? new Value(close + 1, null)
          : null;
    }
    if (token.is("broker_id")) {
      return new Value(j + 1, "");
    }
    if (token.kind() == Kind.WORD
        && j + 2 < tokens.size()
        && tokens.get(j + 1).kind() == Kind.DOT
        && tokens.get(j + 2).is("broker_id")) {
      return new Value(j + 3, token.text());
    }
    return null;
  }

  private static boolean isPlainValue(Token token) {
    return token.kind() == Kind.PARAM || token.kind() == Kind.STRING;
  }

  /** Skips {@code ::type} casts. */
  private static int skipCast(List<Token> tokens, int j) {
    while (j + 1 < tokens.size() && at(tokens, j, "::") && tokens.get(j + 1).kind() == Kind.WORD) {
      j += 2;
    }
    return j;
  }

  private static boolean onlyValues(List<Token> tokens, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      boolean ok =
          isPlainValue(t)
              || t.kind() == Kind.COMMA
              || at(tokens, i, "::")
              || (i > 0 && at(tokens, i - 1, "::") && t.kind() == Kind.WORD);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsPredicate(Token token) {
    return token.kind() == Kind.CLOSE
        || (token.kind() == Kind.WORD && AFTER_VALUE.contains(token.text()));
  }

  private static boolean at(List<Token> tokens, int i, String op) {
    return i >= 0 && i < tokens.size() && tokens.get(i).text().equals(op);
  }

  /**
   * Whether the predicate spanning {@code [start, end)} is joined to a WHERE or ON clause by AND
   * only: no OR beside it at its level or at any enclosing parenthesised level, and every enclosing
   * parenthesis a plain group (not a function call, NOT, IN, EXISTS or a value list).
   */
  private static boolean filtersByAndOnly(List<Token> tokens, int[] match, int start, int end) {
    int lo = start;
    int hi = end;
    int depth = tokens.get(start).depth();
    while (true) {
      int i = lo - 1;
      String clause = null;
      while (i >= 0 && tokens.get(i).depth() >= depth) {
        Token t = tokens.get(i);
        if (t.depth() == depth) {
          if (t.is("or") || t.kind() == Kind.COMMA) {
            return false;
          }
          if (t.is("where") || t.is("on")) {
            clause = t.text();
            break;
          }
          if (t.kind() == Kind.WORD && NOT_A_FILTER.contains(t.text())) {
            return false;
          }
        }
        i--;
      }
      int j = hi;
      while (j < tokens.size() && tokens.get(j).depth() >= depth) {
        Token t = tokens.get(j);
        if (t.depth() == depth) {
          if (t.is("or") || (clause == null && t.kind() == Kind.COMMA)) {
            return false;
          }
          if (t.kind() == Kind.WORD && CLAUSE_ENDS.contains(t.text())) {
            break;
          }
          if ((t.is("left") || t.is("right"))
              && j + 1 < tokens.size()
              && (tokens.get(j + 1).is("join") || tokens.get(j + 1).is("outer"))) {
            break;
          }
        }
        j++;
      }
      if (clause != null) {
        return true;
      }
      if (i < 0 || tokens.get(i).kind() != Kind.OPEN || match[i] < 0) {
        return false;
      }
      // the enclosing parenthesis must be a plain boolean group
      if (i > 0) {
        Token before = tokens.get(i - 1);
        boolean plain =
            before.is("and") || before.is("where") || before.is("on") || before.kind() == Kind.OPEN;
        if (!plain) {
          return false;
        }
      }
      lo = i;
      hi = match[i] + 1;
      depth--;
    }
  }

  // --- writes by primary key

  /**
   * The target of {@code update t set … where id = ? [and version = ?]} or {@code delete from t
   * where id = ? [and version = ?]} (no alias), else null.
   */
  private static Reference primaryKeyWriteTarget(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return null;
    }
    int tableIndex;
    if (tokens.get(0).is("update")) {
      tableIndex = 1;
      if (tableIndex + 1 >= tokens.size() || !tokens.get(tableIndex + 1).is("set")) {
        return null;
      }
    } else if (tokens.get(0).is("delete")) {
      tableIndex = 2;
      if (tokens.size() < 4 || !tokens.get(1).is("from") || !tokens.get(3).is("where")) {
        return null;
      }
    } else {
      return null;
    }
    if (tokens.get(tableIndex).kind() != Kind.WORD) {
      return null;
    }
    int where = -1;
    for (int i = tableIndex; i < tokens.size(); i++) {
      if (tokens.get(i).is("where") && tokens.get(i).depth() == 0) {
        where = i;
      }
    }
    if (where < 0) {
      return null;
    }
    List<String> tail = new ArrayList<>();
    for (int i = where + 1; i < tokens.size(); i++) {
      tail.add(tokens.get(i).text());
    }
    boolean byId =
        tail.equals(List.of("id", "=", "?"))
            || tail.equals(List.of("id", "=", "?", "and", "version", "=", "?"));
    return byId ? new Reference(tokens.get(tableIndex).text(), null, tableIndex) : null;
  }
}
