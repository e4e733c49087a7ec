package org.integrationledger.app.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Connector messages in batches: the same commands as the single endpoints, one outcome per message, in order. */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Connector messages in batches")
class MessageBatchController {

    private final MessageDispatch dispatch;

    MessageBatchController(MessageDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Up to 100 connector messages of any commands, each recorded as its single endpoint would",
            description = "A message's command is its endpoint's path below /api/v1/ without the document id "
                    + "(purchase-orders/issue); its body is that endpoint's request body. The messages share one "
                    + "transaction, each in a savepoint of it, so a refused message is rolled back alone; "
                    + "the answer lists one outcome per message, in order (RECORDED, REPLAYED, or "
                    + "REJECTED with the code its problem document would carry). A batch that cannot be read is "
                    + "refused whole and records nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = MessageBatchRequest.class))))
    MessageBatchAnswer record(@RequestBody byte[] batch) {
        // The body's bytes, not a bound object: each message's body is read as strictly as an HTTP request body.
        return new MessageBatchAnswer(dispatch.dispatchBatch(batch,
                SecurityContextHolder.getContext().getAuthentication()));
    }

    /** The outcome of every message of a batch, in the batch's order. */
    record MessageBatchAnswer(List<MessageOutcome> outcomes) {
    }

    /** The shape of a batch as the contract documents it; {@link MessageBatch} reads it, keeping each body's bytes. */
    record MessageBatchRequest(@ArraySchema(maxItems = MessageBatch.MAX_MESSAGES) List<Message> messages) {

        record Message(@Schema(example = "purchase-orders/issue") String command,
                       @Schema(example = "PO-1") String documentId,
                       String correlationId,
                       Map<String, Object> body) {
        }
    }
}
