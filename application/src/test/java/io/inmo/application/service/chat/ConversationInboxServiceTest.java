package io.inmo.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.inmo.application.port.in.chat.ListConversationsUseCase.MessagePreview;
import io.inmo.application.port.out.ConversationInboxRepository.InboxEntry;
import io.inmo.application.port.out.ConversationInboxRepository.LastMessage;
import io.inmo.application.port.out.ConversationInboxRepository.Position;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The inbox's message previews and page cursors. */
class ConversationInboxServiceTest {
  private static final Instant AT = Instant.parse("2026-12-04T15:00:00.123456Z");

  @Test
  void givenAShortMessageOnSeveralLines_whenPreviewed_thenOneLineUncut() {
    MessagePreview preview = preview("  Hola,\n\nbusco depto\ten Ñuñoa  ");

    assertThat(preview.text()).isEqualTo("Hola, busco depto en Ñuñoa");
    assertThat(preview.truncated()).isFalse();
    assertThat(preview.sender()).isEqualTo(SenderType.LEAD);
    assertThat(preview.at()).isEqualTo(AT);
  }

  @Test
  void givenExactly140Characters_whenPreviewed_thenUncut() {
    String text = "a".repeat(140);

    assertThat(preview(text).text()).isEqualTo(text);
    assertThat(preview(text).truncated()).isFalse();
  }

  @Test
  void givenALongerMessageWithEmoji_whenPreviewed_thenCutTo140CodePointsWithAnEllipsis() {
    String text = "🏡".repeat(150);

    MessagePreview preview = preview(text);

    assertThat(preview.truncated()).isTrue();
    assertThat(preview.text().codePointCount(0, preview.text().length())).isEqualTo(140);
    assertThat(preview.text()).isEqualTo("🏡".repeat(139) + "…");
  }

  @Test
  void givenAMessageWithoutText_whenPreviewed_thenNoTextButSenderAndTime() {
    MessagePreview preview =
        ConversationInboxService.preview(new LastMessage(null, SenderType.AI, AT));

    assertThat(preview.text()).isNull();
    assertThat(preview.sender()).isEqualTo(SenderType.AI);
    assertThat(ConversationInboxService.preview(null)).isNull();
  }

  @Test
  void givenACursorOfAPage_whenDecoded_thenTheSamePositionToTheMicrosecond() {
    ConversationId id = ConversationId.newId();
    InboxEntry last =
        new InboxEntry(
            id,
            ChatProvider.WEBCHAT,
            LeadId.newId(),
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            AT,
            null);

    assertThat(InboxCursors.decode(InboxCursors.encode(last)))
        .isEqualTo(new Position(AT, id.value()));
    assertThat(InboxCursors.decode(null)).isNull();
  }

  @Test
  void givenAForgedCursor_whenDecoded_thenCursorInvalid() {
    for (String forged : new String[] {"no-es-un-cursor", "bDF8LWNyZWF0ZWRBdHx4", "YzF8eHx5"}) {
      InvalidValueException e =
          catchThrowableOfType(InvalidValueException.class, () -> InboxCursors.decode(forged));
      assertThat(e).as(forged).isNotNull();
      assertThat(e.code()).isEqualTo("conversation.cursor_invalid");
    }
  }

  private static MessagePreview preview(String text) {
    return ConversationInboxService.preview(new LastMessage(text, SenderType.LEAD, AT));
  }
}
